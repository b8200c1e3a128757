package dev.juror.app.align;

import dev.juror.workspace.align.AlignExperiment;
import dev.juror.workspace.align.Experiment;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the Align panel needs of the open workspace: the stored rounds, a round's cost before any
 * call, the round itself, and a round's files. Implemented over {@code AlignExperiment} by the
 * composition root; tests answer from memory. Methods other than {@link #rounds()} may be slow and
 * run on a background task.
 *
 * <p>{@link #estimate} and {@link #run} throw {@code AlignInputException} (bad input, nothing sent),
 * {@code AlignRunException} (a judge run did not finish) or {@code JudgeSetupException} (the
 * provider cannot be set up); the view model turns each into a sentence.
 */
public interface AlignPort {

    /** Every stored round, oldest first; empty without a workspace. */
    List<Experiment> rounds();

    AlignExperiment.Estimate estimate(AlignForm form);

    /** Runs the round; {@code progress} gets a line per judge run. Interrupted: the round stops. */
    AlignExperiment.Outcome run(AlignForm form, Consumer<String> progress) throws InterruptedException;

    /** The diff of the round's new rubric version against its baseline, or empty when there is none. */
    String diff(Experiment round);

    /** The new rubric version's file, to open in the editor (meaningful only when the round chose one). */
    Path newVersion(Experiment round);
}
