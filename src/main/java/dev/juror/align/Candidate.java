package dev.juror.align;

/**
 * A candidate rubric: the whole rubric YAML (validated like any rubric before it is judged), where it
 * came from, and one line saying what it changes.
 *
 * @param id          short and unique within an experiment ("few-shot-1", "proposed-2", "typed-1")
 * @param origin      {@code baseline}, {@code few-shot}, {@code proposed} or {@code typed}
 * @param description what it changes, in plain words ("adds 6 examples covering scores 1-5")
 * @param rubricYaml  the full rubric file text
 */
public record Candidate(String id, String origin, String description, String rubricYaml) {
}
