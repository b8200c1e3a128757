package dev.juror.cli;

import picocli.CommandLine.Option;

/**
 * {@code --include-unblinded} of the commands that calibrate ({@code calibrate}, {@code verdict}):
 * labels given with the judge's scores or other labellers' labels shown are left out of agreement,
 * the human ceiling and the verdict unless this is given.
 */
public final class UnblindedOption {

    @Option(names = "--include-unblinded",
            description = "Count labels that were not given blind (the judge's scores or other labellers' labels"
                    + " were shown) as well. Without it they are left out of agreement, the human ceiling and the"
                    + " verdict, and a note says how many.")
    boolean include;

    public boolean included() {
        return include;
    }
}
