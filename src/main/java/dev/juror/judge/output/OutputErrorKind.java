package dev.juror.judge.output;

import java.util.Locale;

/**
 * Every distinct way a judge's answer can be unusable. Each kind is recorded on its own, so a
 * rubric author sees whether a judge mostly forgets dimensions, invents comments or cannot count.
 * The first four make the result a {@code parse_error} (no JSON object could be read); the others
 * a {@code schema_error} (an object was read but does not follow the rubric's output contract).
 */
public enum OutputErrorKind {
    /** The answer holds no JSON object at all (empty, prose only). */
    NO_JSON(ResultStatus.PARSE_ERROR),
    /** Something that starts like a JSON object but does not parse (truncated, unquoted keys). */
    INVALID_JSON(ResultStatus.PARSE_ERROR),
    /** The same key twice in one object (two {@code score}s): never "last one wins". */
    DUPLICATE_KEY(ResultStatus.PARSE_ERROR),
    /** More than one judgement object in the answer: which one counts would be a guess. */
    MULTIPLE_JSON(ResultStatus.PARSE_ERROR),
    /** A score outside the scale (6 on 1-5). */
    OUT_OF_RANGE(ResultStatus.SCHEMA_ERROR),
    /** A score of the wrong type or not a level of the scale ("five", 3.5, {@code true}, "PASS"). */
    INVALID_SCORE(ResultStatus.SCHEMA_ERROR),
    /** A rubric dimension absent from a comment's judgement. */
    MISSING_DIMENSION(ResultStatus.SCHEMA_ERROR),
    /** A comment of the prediction that the judge did not score. */
    MISSING_COMMENT(ResultStatus.SCHEMA_ERROR),
    /** A judged comment whose {@code comment_id} is not in the prediction. */
    EXTRA_COMMENT(ResultStatus.SCHEMA_ERROR),
    /** The judge scored the same {@code comment_id} more often than the prediction has it. */
    DUPLICATE_COMMENT_ID(ResultStatus.SCHEMA_ERROR),
    /** Pairwise: a dimension verdict or the winner is missing or not A, B or tie. */
    INVALID_VERDICT(ResultStatus.SCHEMA_ERROR),
    /** Any other breach of the derived JSON Schema (extra keys, empty justification, ...). */
    SCHEMA(ResultStatus.SCHEMA_ERROR);

    private final ResultStatus status;

    OutputErrorKind(ResultStatus status) {
        this.status = status;
    }

    /** The result status an error of this kind gives. */
    public ResultStatus status() {
        return status;
    }

    /** Lower-case code as stored ({@code out_of_range}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
