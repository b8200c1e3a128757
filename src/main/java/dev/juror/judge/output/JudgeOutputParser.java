package dev.juror.judge.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.juror.dataset.Comment;
import dev.juror.rubric.Dimension;
import dev.juror.rubric.Mode;
import dev.juror.rubric.OutputSchema;
import dev.juror.rubric.OutputSchemaCache;
import dev.juror.rubric.Preference;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.Scale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads a judge's raw answer into scores, checking it against the rubric.
 *
 * <ol>
 *   <li>Extract the JSON object (code fences, prose before, notes after are fine; see
 *       {@link JsonExtractor}). Failure: {@code parse_error}.</li>
 *   <li>Check it: every dimension present with a valid score, every comment of the prediction
 *       judged exactly once, nothing invented; then the rubric's derived JSON Schema for the rest
 *       (extra keys, empty justifications). Each problem is its own typed {@link OutputError};
 *       any of them makes the result a {@code schema_error}.</li>
 *   <li>Recompute comment and sample scores (or the pairwise winner) with the rubric's
 *       aggregation. The judge's own {@code Comment_Score} / {@code Aggregate_Score} / winner are
 *       compared and a difference is flagged, never used.</li>
 * </ol>
 *
 * <p>Comments are matched by {@code comment_id} (see {@link CommentMatcher}).
 *
 * <p>Thread-safe; build one per run (it caches compiled schemas).
 */
public final class JudgeOutputParser {

    /** The judge's arithmetic may be rounded to two decimals (4.33 for 4.333...). */
    public static final double ARITHMETIC_TOLERANCE = 0.01;
    private static final double EPSILON = 1e-9;

    private final OutputSchemaCache schemas;

    public JudgeOutputParser() {
        this(new OutputSchemaCache());
    }

    public JudgeOutputParser(OutputSchemaCache schemas) {
        this.schemas = Objects.requireNonNull(schemas, "schemas");
    }

    /**
     * @param expectedComments the prediction's comments, in order (pointwise, unit comment); null
     *                         when there is nothing to match against (response-level or pairwise
     *                         rubrics, or an unparseable prediction): the judged comments are then
     *                         taken as they come, at positions -1 (response) or 0.. (comments)
     */
    public ParsedJudgement parse(Rubric rubric, List<Comment> expectedComments, String rawText) {
        Objects.requireNonNull(rubric, "rubric");
        boolean pairwise = rubric.mode() == Mode.PAIRWISE;
        String rootKey = pairwise ? OutputSchema.DIMENSIONS : OutputSchema.COMMENTS;
        JsonExtractor.Extraction extraction = JsonExtractor.extract(rawText,
                node -> node.isObject() && node.has(rootKey));
        if (extraction instanceof JsonExtractor.Failed failed) {
            return ParsedJudgement.unreadable(failed.error());
        }
        JsonExtractor.Found found = (JsonExtractor.Found) extraction;
        if (!found.node().isObject()) {
            return ParsedJudgement.unreadable(new OutputError(OutputErrorKind.SCHEMA, "$", "expected a JSON object"));
        }
        Checker checker = new Checker(rubric);
        if (pairwise) {
            return checker.pairwise(found);
        }
        return checker.pointwise(found, expectedComments);
    }

    /** One parse: collects errors as it walks the answer. */
    private final class Checker {
        private final Rubric rubric;
        private final List<OutputError> errors = new ArrayList<>();

        Checker(Rubric rubric) {
            this.rubric = rubric;
        }

        ParsedJudgement pointwise(JsonExtractor.Found found, List<Comment> expected) {
            JsonNode root = found.node();
            JsonNode list = root.get(OutputSchema.COMMENTS);
            List<JsonNode> entries = new ArrayList<>();
            if (list == null || !list.isArray()) {
                errors.add(new OutputError(OutputErrorKind.SCHEMA, "$." + OutputSchema.COMMENTS,
                        "\"comments\" must be an array of judged comments"));
            } else {
                list.forEach(entries::add);
            }
            List<Integer> positions = CommentMatcher.positions(entries, expected, rubric.unit(), errors);
            List<CommentJudgement> judged = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                int position = positions.get(i);
                if (position == CommentMatcher.UNMATCHED) {
                    continue;
                }
                String id = expected != null && position >= 0 ? expected.get(position).commentId() : CommentMatcher.idOf(entries.get(i));
                judged.add(comment(entries.get(i), "$.comments[" + i + "]", position, id));
            }
            judged.sort(java.util.Comparator.comparingInt(CommentJudgement::position));

            JsonNode aggregate = root.get(OutputSchema.AGGREGATE_SCORE);
            OptionalDouble judgeAggregate = number(aggregate == null ? null : aggregate.get(OutputSchema.SCORE));
            schemaErrors(root);
            boolean complete = errors.isEmpty() && !judged.isEmpty()
                    && judged.stream().allMatch(c -> c.commentScore().isPresent());
            OptionalDouble sample = OptionalDouble.empty();
            boolean aggregateMismatch = false;
            if (complete) {
                double s = rubric.sampleScore(judged.stream().map(c -> c.commentScore().getAsDouble()).toList());
                sample = OptionalDouble.of(s);
                aggregateMismatch = judgeAggregate.isPresent() && differs(judgeAggregate.getAsDouble(), s);
                JsonNode total = aggregate == null ? null : aggregate.get(OutputSchema.TOTAL_COMMENTS);
                if (total != null && total.canConvertToInt() && total.asInt() != judged.size()) {
                    aggregateMismatch = true;
                }
            }
            return new ParsedJudgement(status(), errors, judged, sample, judgeAggregate, aggregateMismatch,
                    Optional.empty(), found.json());
        }

        private CommentJudgement comment(JsonNode entry, String path, int position, String id) {
            List<DimensionScore> scores = new ArrayList<>();
            Map<String, Double> values = new LinkedHashMap<>();
            if (!entry.isObject()) {
                errors.add(new OutputError(OutputErrorKind.SCHEMA, path, "a judged comment must be an object"));
                return new CommentJudgement(position, id, scores, OptionalDouble.empty(), OptionalDouble.empty(), false);
            }
            for (Dimension d : rubric.dimensions()) {
                JsonNode dim = entry.get(d.name());
                String dimPath = path + "." + d.name();
                if (dim == null || dim.isNull()) {
                    errors.add(new OutputError(OutputErrorKind.MISSING_DIMENSION, dimPath,
                            "dimension " + d.name() + " is missing"));
                    continue;
                }
                JsonNode score = dim.isObject() ? dim.get(OutputSchema.SCORE) : null;
                if (score == null) {
                    errors.add(new OutputError(OutputErrorKind.MISSING_DIMENSION, dimPath + ".score",
                            "dimension " + d.name() + " has no score"));
                    continue;
                }
                Optional<Double> value = value(d.scale(), score, dimPath + ".score");
                if (value.isPresent()) {
                    values.put(d.name(), value.get());
                    scores.add(new DimensionScore(d.name(), value.get(), label(score), text(dim.get(OutputSchema.JUSTIFICATION))));
                }
            }
            OptionalDouble judgeScore = number(entry.get(OutputSchema.COMMENT_SCORE));
            OptionalDouble recomputed = OptionalDouble.empty();
            boolean mismatch = false;
            if (values.size() == rubric.dimensions().size()) {
                double c = rubric.commentScore(values);
                recomputed = OptionalDouble.of(c);
                mismatch = judgeScore.isPresent() && differs(judgeScore.getAsDouble(), c);
            }
            return new CommentJudgement(position, id, scores, judgeScore, recomputed, mismatch);
        }

        private Optional<Double> value(Scale scale, JsonNode score, String path) {
            switch (scale) {
                case Scale.IntegerScale s -> {
                    if (!score.isNumber()) {
                        errors.add(new OutputError(OutputErrorKind.INVALID_SCORE, path, "score " + score
                                + " is not a number; expected an integer " + s.label()));
                        return Optional.empty();
                    }
                    double v = score.asDouble();
                    if (v != Math.rint(v)) {
                        errors.add(new OutputError(OutputErrorKind.INVALID_SCORE, path, "score " + score
                                + " is not an integer level of " + s.label()));
                        return Optional.empty();
                    }
                    if (!s.accepts(v)) {
                        errors.add(new OutputError(OutputErrorKind.OUT_OF_RANGE, path, "score " + score
                                + " is outside " + s.label()));
                        return Optional.empty();
                    }
                    return Optional.of(v);
                }
                case Scale.BooleanScale b -> {
                    if (score.isTextual() && (score.asText().equals(Scale.BooleanScale.PASS)
                            || score.asText().equals(Scale.BooleanScale.FAIL))) {
                        return Optional.of(Scale.BooleanScale.valueOf(score.asText()));
                    }
                    errors.add(new OutputError(OutputErrorKind.INVALID_SCORE, path, "score " + score
                            + " is not \"pass\" or \"fail\""));
                    return Optional.empty();
                }
                case Scale.PreferenceScale p -> throw new IllegalStateException("preference scale in a pointwise rubric");
            }
        }

        ParsedJudgement pairwise(JsonExtractor.Found found) {
            JsonNode root = found.node();
            JsonNode dims = root.get(OutputSchema.DIMENSIONS);
            Map<String, Preference> verdicts = new LinkedHashMap<>();
            List<DimensionScore> scores = new ArrayList<>();
            for (Dimension d : rubric.dimensions()) {
                String path = "$.dimensions." + d.name();
                JsonNode dim = dims == null ? null : dims.get(d.name());
                if (dim == null || dim.isNull()) {
                    errors.add(new OutputError(OutputErrorKind.MISSING_DIMENSION, path, "dimension " + d.name()
                            + " has no verdict"));
                    continue;
                }
                Optional<Preference> verdict = verdict(dim.get(OutputSchema.VERDICT), path + ".verdict");
                verdict.ifPresent(v -> {
                    verdicts.put(d.name(), v);
                    scores.add(new DimensionScore(d.name(), v.valueForA(), v.json(), text(dim.get(OutputSchema.JUSTIFICATION))));
                });
            }
            Optional<Preference> judgeWinner = verdict(root.get(OutputSchema.WINNER), "$.winner");
            schemaErrors(root);
            Optional<PairwiseVerdict> verdict = Optional.empty();
            List<CommentJudgement> comments = List.of();
            OptionalDouble sample = OptionalDouble.empty();
            if (verdicts.size() == rubric.dimensions().size()) {
                Preference winner = rubric.winner(verdicts);
                boolean mismatch = judgeWinner.isPresent() && judgeWinner.get() != winner;
                verdict = Optional.of(new PairwiseVerdict(verdicts, judgeWinner, winner, mismatch));
                comments = List.of(new CommentJudgement(-1, "response", scores,
                        judgeWinner.map(w -> OptionalDouble.of(w.valueForA())).orElse(OptionalDouble.empty()),
                        OptionalDouble.of(winner.valueForA()), mismatch));
                if (errors.isEmpty()) {
                    sample = OptionalDouble.of(winner.valueForA());
                }
            }
            return new ParsedJudgement(status(), errors, comments, sample, OptionalDouble.empty(), false, verdict,
                    found.json());
        }

        private Optional<Preference> verdict(JsonNode node, String path) {
            if (node != null && node.isTextual()) {
                String t = node.asText();
                if (t.equals("A") || t.equals("B") || t.equals("tie")) {
                    return Optional.of(Preference.parse(t));
                }
            }
            errors.add(new OutputError(OutputErrorKind.INVALID_VERDICT, path, node == null ? "verdict is missing"
                    : "verdict " + node + " is not \"A\", \"B\" or \"tie\""));
            return Optional.empty();
        }

        /** Schema problems not already reported by a typed error above. */
        private void schemaErrors(JsonNode root) {
            SchemaMessages.addUncovered(schemas.get(rubric).validate(root), errors);
        }

        private ResultStatus status() {
            boolean parse = errors.stream().anyMatch(e -> e.kind().status() == ResultStatus.PARSE_ERROR);
            if (parse) {
                return ResultStatus.PARSE_ERROR;
            }
            return errors.isEmpty() ? ResultStatus.OK : ResultStatus.SCHEMA_ERROR;
        }
    }

    private static boolean differs(double judge, double recomputed) {
        return Math.abs(judge - recomputed) > ARITHMETIC_TOLERANCE + EPSILON;
    }

    private static OptionalDouble number(JsonNode node) {
        if (node != null && node.isNumber()) {
            double v = node.asDouble();
            if (Double.isFinite(v)) {
                return OptionalDouble.of(v);
            }
        }
        return OptionalDouble.empty();
    }

    private static String label(JsonNode score) {
        return score.isTextual() ? score.asText() : score.toString();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText();
    }
}
