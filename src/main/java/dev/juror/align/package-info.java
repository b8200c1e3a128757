/**
 * Judge alignment (issue #16): candidate rubrics proposed from the train split of the experts'
 * labels ({@link dev.juror.align.CandidateSource}), chosen on the validation split, measured once on
 * the test split. Plain Java: the use case that reads the workspace and runs the judge is in
 * {@code dev.juror.workspace.align}.
 */
package dev.juror.align;
