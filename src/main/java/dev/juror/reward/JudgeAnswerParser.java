package dev.juror.reward;

/**
 * Turns the judge model's raw answer into per-comment dimension scores, or a
 * {@link JudgeScores.Failed} with status {@code parse_error} / {@code schema_error}. Must not throw.
 */
@FunctionalInterface
public interface JudgeAnswerParser {

    JudgeScores parse(String rawAnswer);
}
