package dev.juror.judge.heuristic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.dataset.Comment;
import dev.juror.dataset.ExcerptLocator;
import dev.juror.dataset.PredictionParser;
import dev.juror.judge.ConcurrencyLimiter;
import dev.juror.judge.FailureKind;
import dev.juror.judge.FixedLimiter;
import dev.juror.judge.Judge;
import dev.juror.judge.JudgeCall;
import dev.juror.judge.JudgeCallException;
import dev.juror.judge.JudgeItem;
import dev.juror.judge.JudgeResponse;
import dev.juror.judge.RetryPolicy;
import dev.juror.judge.TokenUsage;
import dev.juror.judge.output.JudgeOutputParser;
import dev.juror.rubric.Dimension;
import dev.juror.rubric.Mode;
import dev.juror.rubric.OutputSchema;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.Scale;
import dev.juror.rubric.Unit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A rule-based judge for contract-review rubrics: no model, no credentials, fully explained. It
 * is a <b>baseline</b>, not a judge to trust: every LLM judge must beat it, and it lets the whole
 * loop (run, store, calibrate, export) work offline.
 *
 * <p>It writes the same JSON an LLM judge would (so the same parser, store and dashboards serve
 * it); each justification names the rule that fired. Dimensions are recognised by name: one
 * containing {@code grounding}, {@code excerpt} or {@code verbatim} gets the grounding rules, one
 * containing {@code reference} the reference-overlap rules, one containing {@code action} the
 * actionability rules. A rule's 1-5 score is mapped onto an integer scale linearly, and onto a
 * boolean scale as pass from 4 up. Rubrics with other dimensions, pairwise or response-level
 * rubrics are refused ({@link #supports}).
 */
public final class HeuristicJudge implements Judge {

    public static final String PROVIDER = "heuristic";
    public static final String MODEL = "heuristic-v1";
    /** Boolean dimensions pass when the rule's 1-5 score reaches this. */
    static final int PASS_FROM = 4;
    private static final int CACHED_DOCUMENT_PAIRS = 64;

    enum Family { GROUNDING, REFERENCE, ACTIONABILITY }

    private record Prepared(ExcerptLocator locator, List<Set<String>> passages) {
    }

    private record DocumentPair(String target, String reference) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JudgeOutputParser parser;
    private final ConcurrencyLimiter limiter = new FixedLimiter(Math.max(1, Runtime.getRuntime().availableProcessors()));
    /** Locators and passage sets per document pair: the rollouts of one sample share them. */
    private final Map<DocumentPair, Prepared> prepared = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<DocumentPair, Prepared> eldest) {
                    return size() > CACHED_DOCUMENT_PAIRS;
                }
            });

    public HeuristicJudge() {
        this(new JudgeOutputParser());
    }

    public HeuristicJudge(JudgeOutputParser parser) {
        this.parser = parser;
    }

    /** Why the heuristic cannot grade this rubric, or empty when it can. */
    public static java.util.Optional<String> supports(Rubric rubric) {
        if (rubric.mode() == Mode.PAIRWISE) {
            return java.util.Optional.of("the heuristic judge grades pointwise rubrics only; " + rubric.name() + " is pairwise");
        }
        if (rubric.unit() != Unit.COMMENT) {
            return java.util.Optional.of("the heuristic judge grades contract-review comments (unit: comment); "
                    + rubric.name() + " has unit " + rubric.unit().yaml());
        }
        List<String> unknown = rubric.dimensions().stream().filter(d -> family(d) == null).map(Dimension::name).toList();
        if (!unknown.isEmpty()) {
            return java.util.Optional.of("the heuristic judge has no rule for dimension(s) " + unknown + " of rubric "
                    + rubric.name() + "; it knows dimensions named after grounding/excerpt/verbatim, reference,"
                    + " and action (e.g. rubrics/contract-review.yaml)");
        }
        return java.util.Optional.empty();
    }

    static Family family(Dimension d) {
        String name = d.name().toLowerCase(Locale.ROOT);
        if (name.contains("ground") || name.contains("excerpt") || name.contains("verbatim")) {
            return Family.GROUNDING;
        }
        if (name.contains("reference")) {
            return Family.REFERENCE;
        }
        if (name.contains("action")) {
            return Family.ACTIONABILITY;
        }
        return null;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public JudgeResponse attempt(JudgeCall call) {
        long start = System.nanoTime();
        JudgeItem item = call.item();
        supports(item.rubric()).ifPresent(reason -> {
            throw JudgeCallException.of(FailureKind.VALIDATION_ERROR, "UnsupportedRubric", 0, reason);
        });
        String text = answer(item);
        return new JudgeResponse(text, "end_turn", TokenUsage.ZERO, Judge.since(start));
    }

    /** The JSON answer for an item, in the rubric's output shape. */
    String answer(JudgeItem item) {
        Rubric rubric = item.rubric();
        List<Comment> comments = item.comments() != null ? item.comments()
                : PredictionParser.parse(item.prediction()).comments();
        Prepared documents = prepared.computeIfAbsent(new DocumentPair(item.target(), item.reference()),
                pair -> new Prepared(ExcerptLocator.forDocuments(pair.target(), pair.reference()),
                        HeuristicRules.passages(pair.reference())));
        ObjectNode root = JSON.createObjectNode();
        ArrayNode judged = root.putArray(OutputSchema.COMMENTS);
        List<Double> commentScores = new ArrayList<>();
        for (Comment comment : comments) {
            ObjectNode entry = judged.addObject();
            entry.put(OutputSchema.COMMENT_ID, comment.commentId());
            Map<String, Double> values = new LinkedHashMap<>();
            for (Dimension d : rubric.dimensions()) {
                RuleScore rule = switch (family(d)) {
                    case GROUNDING -> HeuristicRules.grounding(comment, documents.locator());
                    case REFERENCE -> HeuristicRules.reference(comment, documents.passages());
                    case ACTIONABILITY -> HeuristicRules.actionability(comment);
                };
                ObjectNode dim = entry.putObject(d.name());
                double value = put(dim, d.scale(), rule.score());
                dim.put(OutputSchema.JUSTIFICATION, rule.justification());
                values.put(d.name(), value);
            }
            double score = rubric.commentScore(values);
            entry.put(OutputSchema.COMMENT_SCORE, round(score));
            commentScores.add(score);
        }
        ObjectNode aggregate = root.putObject(OutputSchema.AGGREGATE_SCORE);
        if (commentScores.isEmpty()) {
            aggregate.put(OutputSchema.SCORE, rubric.scale().min());
            aggregate.put(OutputSchema.TOTAL_COMMENTS, 0);
            aggregate.put(OutputSchema.RATIONALE, "heuristic: the prediction has no comments to score");
        } else {
            aggregate.put(OutputSchema.SCORE, round(rubric.sampleScore(commentScores)));
            aggregate.put(OutputSchema.TOTAL_COMMENTS, commentScores.size());
            aggregate.put(OutputSchema.RATIONALE, "heuristic baseline: mean of " + commentScores.size()
                    + " rule-based comment scores");
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the rule's 1-5 score on the dimension's scale; returns the numeric value. */
    private static double put(ObjectNode dim, Scale scale, int ruleScore) {
        return switch (scale) {
            case Scale.IntegerScale s -> {
                int value = (int) Math.round(s.low() + (ruleScore - 1) * (s.high() - s.low()) / 4.0);
                dim.put(OutputSchema.SCORE, value);
                yield value;
            }
            case Scale.BooleanScale b -> {
                boolean pass = ruleScore >= PASS_FROM;
                dim.put(OutputSchema.SCORE, pass ? Scale.BooleanScale.PASS : Scale.BooleanScale.FAIL);
                yield pass ? 1.0 : 0.0;
            }
            case Scale.PreferenceScale p -> throw new IllegalStateException("pairwise rubric");
        };
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    @Override
    public RetryPolicy retryPolicy() {
        return RetryPolicy.NONE;
    }

    @Override
    public ConcurrencyLimiter limiter() {
        return limiter;
    }

    @Override
    public JudgeOutputParser parser() {
        return parser;
    }
}
