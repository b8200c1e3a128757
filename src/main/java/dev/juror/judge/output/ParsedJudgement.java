package dev.juror.judge.output;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A judge's raw answer, read and checked against the rubric.
 *
 * <p>{@code status} is {@code ok} only when the answer follows the output contract completely;
 * then {@code sampleScore} is present. On a {@code schema_error} the comments that were judged
 * correctly are still listed (with their scores), but there is no sample score: a score made from
 * part of the comments would look like a real one.
 *
 * @param status                 {@code ok}, {@code parse_error} or {@code schema_error}
 * @param errors                 every problem found, each with its own kind; empty when ok
 * @param comments               judged comments (pointwise), in the prediction's order; for a pairwise
 *                               rubric one entry at position -1 holding the verdicts as scores
 * @param sampleScore            recomputed sample score: mean of recomputed comment scores; for a pairwise
 *                               rubric candidate A's share of the win (A 1, tie 0.5, B 0)
 * @param judgeAggregateScore    the judge's own {@code Aggregate_Score.score}, if a number
 * @param aggregateMismatch      the judge's aggregate (score or {@code total_comments}) disagrees with the
 *                               recomputation
 * @param pairwise               the pairwise verdict, for pairwise rubrics
 * @param extractedJson          the JSON object text cut out of the answer ({@code ""} when none)
 */
public record ParsedJudgement(ResultStatus status, List<OutputError> errors, List<CommentJudgement> comments,
                              OptionalDouble sampleScore, OptionalDouble judgeAggregateScore,
                              boolean aggregateMismatch, Optional<PairwiseVerdict> pairwise, String extractedJson) {

    public ParsedJudgement {
        errors = List.copyOf(errors);
        comments = List.copyOf(comments);
        extractedJson = extractedJson == null ? "" : extractedJson;
    }

    /** A judgement that could not be read at all. */
    static ParsedJudgement unreadable(OutputError error) {
        return new ParsedJudgement(error.kind().status(), List.of(error), List.of(), OptionalDouble.empty(),
                OptionalDouble.empty(), false, Optional.empty(), "");
    }

    public boolean ok() {
        return status == ResultStatus.OK;
    }

    /** Whether any of the judge's own arithmetic (comment scores, aggregate, winner) differs from Juror's. */
    public boolean arithmeticMismatch() {
        return aggregateMismatch || comments.stream().anyMatch(CommentJudgement::arithmeticMismatch)
                || pairwise.map(PairwiseVerdict::winnerMismatch).orElse(false);
    }

    /** The errors as one line, for the result row ({@code ""} when ok). */
    public String errorSummary() {
        return String.join("; ", errors.stream().map(OutputError::toString).toList());
    }
}
