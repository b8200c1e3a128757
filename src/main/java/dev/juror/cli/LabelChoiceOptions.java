package dev.juror.cli;

import dev.juror.workspace.calibration.LabelChoice;
import dev.juror.workspace.calibration.Reference;
import picocli.CommandLine.Option;

/**
 * {@code --include-unblinded} and {@code --reference} of the commands that calibrate
 * ({@code calibrate}, {@code verdict}): which human labels count, and what the judge is measured against.
 */
public final class LabelChoiceOptions {

    @Option(names = "--include-unblinded",
            description = "Count labels that were not given blind (the judge's scores or other labellers' labels"
                    + " were shown) as well. Without it they are left out of agreement, the human ceiling and the"
                    + " verdict, and a note says how many.")
    boolean includeUnblinded;

    @Option(names = "--reference", paramLabel = "WHICH", defaultValue = "each",
            description = "What the judge is measured against: each (every labeller's label, the default),"
                    + " consensus (the labellers' median per item) or adjudicated (the adjudicated score where there"
                    + " is one, the labellers' common score where they agree; items they disagree on that nobody"
                    + " adjudicated are left out). The human ceiling always uses each labeller's label.")
    String reference;

    public LabelChoice choice() {
        try {
            return new LabelChoice(includeUnblinded, Reference.parse(reference));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
    }
}
