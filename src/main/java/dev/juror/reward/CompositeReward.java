package dev.juror.reward;

import dev.juror.dataset.Comment;
import dev.juror.dataset.ExcerptLocator;
import dev.juror.dataset.Location;
import dev.juror.dataset.MatchStatus;
import dev.juror.dataset.Prediction;
import dev.juror.dataset.PredictionParser;
import dev.juror.reward.checks.CheckFinding;
import dev.juror.reward.checks.CheckResult;
import dev.juror.reward.checks.FormatCheck;
import dev.juror.reward.checks.LanguageCheck;
import dev.juror.reward.checks.LengthCheck;
import dev.juror.reward.checks.ReferenceOverlapCheck;
import dev.juror.reward.checks.RuleAction;
import dev.juror.reward.checks.Rules;
import dev.juror.rubric.Dimension;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.Unit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The composite reward: deterministic checks first (so obvious failures cost no judge call), then
 * the judge, then the rubric's aggregation, normalised to [0, 1]. See docs/reward.md.
 *
 * <ol>
 *   <li>Checks: injection / hidden text / master keys (always), format, length, language, safety
 *       (as configured). Each finding's rule takes its configured action: FLOOR gives reward 0 and
 *       no judge call; FLAG adds the rule to {@link RewardOutcome#flags()}; REPORT only counts it.</li>
 *   <li>A comment-unit prediction without comments gets reward 0 (nothing to judge).</li>
 *   <li>Grounding: every excerpt goes through the {@link ExcerptLocator}; an excerpt that is only in
 *       the reference, or nowhere, gets the grounding dimension's minimum whatever the judge says.
 *       When that alone floors every comment (deal-breaker floor), the judge is not asked.</li>
 *   <li>Judge: per-comment dimension scores, comment score and sample score by the rubric's
 *       arithmetic (weights, deal-breakers), normalised to [0, 1]. A judge failure sets
 *       {@code judge_error = 1}; one caused by the prediction ({@link JudgeScores.Cause#PREDICTION}:
 *       output-token limit, an unreadable answer echoing the prediction) gives reward 0 with
 *       {@code prediction_failure = 1}, any other the configured neutral reward with
 *       {@code service_failure = 1}. A score that is not a finite number (NaN, an infinity) is a
 *       broken answer of the service: neutral, never 0 (issue #13). A prediction beyond the rubric's limits
 *       ({@code length.over_limit}, {@code length.too_many_comments}) is floored in step 1, also with
 *       {@code prediction_failure = 1}, without asking the judge.</li>
 *   <li>Reward = (1 - w) x judge + w x reference precision (when the reference overlap is on and the
 *       sample has expert spans), minus {@code penalty x (1 - length factor)}, clamped to [0, 1].</li>
 * </ol>
 * Never throws, never returns NaN: an unexpected error gives the neutral reward with
 * {@code reward_error = 1}. Thread-safe; build once and share.
 */
public final class CompositeReward {

    private final RewardConfig config;
    private final JudgeScorer judge;
    private final RewardChecks checks;
    private final ReferenceOverlapCheck overlapCheck = new ReferenceOverlapCheck();

    public CompositeReward(RewardConfig config, JudgeScorer judge) {
        this.config = Objects.requireNonNull(config, "config");
        this.judge = Objects.requireNonNull(judge, "judge");
        this.checks = new RewardChecks(config);
    }

    public RewardConfig config() {
        return config;
    }

    /**
     * Metric: 1 when the reward is the floor because the prediction made (or, beyond the rubric's
     * limits, would make) the judge fail.
     */
    public static final String PREDICTION_FAILURE = "prediction_failure";
    /** Metric: 1 when the judge failed for a reason not charged to the prediction; the reward is neutral. */
    public static final String SERVICE_FAILURE = "service_failure";

    /** Judge status of {@link #checksOnly}: the judge would have been asked. */
    public static final String NOT_ASKED = "not_asked";

    private static final JudgeScorer NO_JUDGE = (input, key) -> new JudgeScores.Failed(NOT_ASKED, "");

    /** Scores one prediction; {@code key} names the judge call in logs. */
    public RewardOutcome score(RewardInput input, String key) {
        return score(input, key, judge);
    }

    /**
     * The deterministic part only (the {@code juror reward check} command): findings, flags, metrics
     * and whether the prediction is floored. When the judge would be asked, the judge status is
     * {@link #NOT_ASKED} and the reward is the neutral value (a placeholder, not a score).
     */
    public RewardOutcome checksOnly(RewardInput input) {
        return score(input, "check", NO_JUDGE);
    }

    private RewardOutcome score(RewardInput input, String key, JudgeScorer judgeToUse) {
        try {
            return scoreOrThrow(input, key == null || key.isBlank() ? "sample" : key, judgeToUse);
        } catch (RuntimeException | StackOverflowError e) {
            MetricList metrics = new MetricList().flag("reward_error", true).flag("no_reference", input.noReference());
            return new RewardOutcome(config.neutralReward(), metrics.toList(), List.of(), false, false, "skipped",
                    "reward computation failed: " + e);
        }
    }

    private RewardOutcome scoreOrThrow(RewardInput input, String key, JudgeScorer judge) {
        Prediction prediction = PredictionParser.parse(input.prediction());
        List<CheckResult> results = checks.run(input, prediction);
        Map<String, Integer> ruleCounts = new TreeMap<>();
        Set<String> floors = new LinkedHashSet<>();
        Set<String> flags = new LinkedHashSet<>();
        for (CheckResult result : results) {
            for (CheckFinding finding : result.findings()) {
                ruleCounts.merge(finding.ruleName(), 1, Integer::sum);
                RuleAction action = config.ruleActions().actionFor(finding.rule());
                if (action == RuleAction.FLOOR) {
                    floors.add(finding.ruleName());
                } else if (action == RuleAction.FLAG) {
                    flags.add(finding.ruleName());
                }
            }
        }
        Facts facts = new Facts(input, prediction, results, ruleCounts, List.copyOf(flags));
        if (!floors.isEmpty()) {
            // Beyond the rubric's limits the judge would fail because of the prediction: count it as such.
            boolean beyondLimits = floors.contains(Rules.OVER_LIMIT.name())
                    || floors.contains(Rules.TOO_MANY_COMMENTS.name());
            return facts.finish(0.0, true, false, "skipped", "floored by " + String.join(", ", floors),
                    new MetricList(), Map.of(), beyondLimits ? JudgeScores.Cause.PREDICTION : null);
        }
        Rubric rubric = config.rubric();
        boolean perComment = rubric.unit() == Unit.COMMENT;
        if (perComment && prediction.comments().isEmpty()) {
            return facts.deterministic(0.0, true, "no comments to judge", new MetricList().flag("no_comments", true));
        }
        Map<String, Location> locations = locate(input, prediction);
        Set<String> ungrounded = new LinkedHashSet<>();
        locations.forEach((id, loc) -> {
            if (!loc.status().inTarget()) {
                ungrounded.add(id);
            }
        });
        Optional<Dimension> grounding = config.groundingDimension().flatMap(rubric::dimension);
        boolean overrideGrounding = perComment && config.groundingEnabled() && grounding.isPresent();
        if (overrideGrounding && ungrounded.size() == prediction.comments().size() && grounding.get().dealBreaker()
                && rubric.aggregation().dealBreakerFloor()) {
            MetricList extra = new MetricList().reward("judge_score", 0.0);
            return facts.combine(0.0, "skipped", "every excerpt is outside the target document", extra, locations);
        }
        if (judge == NO_JUDGE) {
            return facts.finish(config.neutralReward(), false, false, NOT_ASKED, "the judge would be asked",
                    new MetricList(), locations, null);
        }
        JudgeScores scores = judge.score(input, key);
        facts.judgeCall = scores.call();
        if (scores instanceof JudgeScores.Failed failed) {
            boolean floor = failed.cause() == JudgeScores.Cause.PREDICTION;
            return facts.finish(floor ? 0.0 : config.neutralReward(), floor, true, failed.status(),
                    "judge failed (" + failed.status() + "): " + failed.message(), new MetricList(), locations,
                    failed.cause());
        }
        List<CommentScores> judged = ((JudgeScores.Scored) scores).comments();
        JudgeScoreAggregation.Aggregated aggregated = JudgeScoreAggregation.aggregate(rubric, prediction, judged,
                perComment, overrideGrounding ? grounding : Optional.empty(), ungrounded);
        if (aggregated.error() != null) {
            return facts.finish(config.neutralReward(), false, true, "schema_error", aggregated.error(), new MetricList(),
                    locations, JudgeScores.Cause.SERVICE);
        }
        MetricList extra = new MetricList().reward("judge_score", aggregated.normalised());
        aggregated.dimensionMeans().forEach((name, mean) -> extra.metric("dim." + name, mean));
        return facts.combine(aggregated.normalised(), "ok", "", extra, locations);
    }

    /** Location of each comment's excerpt, by comment id; empty when grounding is off. */
    private Map<String, Location> locate(RewardInput input, Prediction prediction) {
        Map<String, Location> out = new LinkedHashMap<>();
        if (!config.groundingEnabled() || prediction.comments().isEmpty()) {
            return out;
        }
        ExcerptLocator locator = ExcerptLocator.forDocuments(input.targetDocument(), input.referenceDocument());
        for (Comment c : prediction.comments()) {
            out.put(c.commentId(), locator.locate(c.textExcerpt()));
        }
        return out;
    }

    /** What the checks established about one prediction; builds the outcome. */
    private final class Facts {
        private final RewardInput input;
        private final Prediction prediction;
        private final List<CheckResult> results;
        private final Map<String, Integer> ruleCounts;
        private final List<String> flags;
        /** Set once the judge was asked. */
        private JudgeCallStats judgeCall = JudgeCallStats.NONE;

        Facts(RewardInput input, Prediction prediction, List<CheckResult> results, Map<String, Integer> ruleCounts,
              List<String> flags) {
            this.input = input;
            this.prediction = prediction;
            this.results = results;
            this.ruleCounts = ruleCounts;
            this.flags = flags;
        }

        /** Reward fixed without the judge. */
        RewardOutcome deterministic(double reward, boolean floored, String detail, MetricList extra) {
            return finish(reward, floored, false, "skipped", detail, extra, Map.of(), null);
        }

        /** Judge part known: add the reference overlap and length components. */
        RewardOutcome combine(double judgeScore, String judgeStatus, String detail, MetricList extra,
                              Map<String, Location> locations) {
            double reward = judgeScore;
            Optional<CheckResult> overlap = overlap();
            if (overlap.isPresent()) {
                double w = config.referenceOverlapWeight().orElse(0.0);
                double precision = overlap.get().metric("reference_precision", 0.0);
                extra.reward("reference_precision", precision);
                reward = (1 - w) * reward + w * precision;
            }
            Optional<CheckResult> length = resultOf(LengthCheck.CHECK_NAME);
            if (length.isPresent()) {
                double factor = length.get().metric("length_factor", 1.0);
                reward -= config.lengthPenalty() * (1 - factor);
            }
            if (!Double.isFinite(reward)) {
                // Defence in depth: the judge score is checked in the aggregation and the check metrics are
                // finite by construction, so this is a bug; the policy must not pay for it.
                return finish(config.neutralReward(), false, false, judgeStatus, "the reward is not a finite number",
                        extra.flag("reward_error", true), locations, null);
            }
            return finish(JudgeScoreAggregation.toReward(reward, config.neutralReward()), false, false, judgeStatus,
                    detail, extra, locations, null);
        }

        /** @param failure who a failure is charged to; null when nothing failed */
        RewardOutcome finish(double reward, boolean floored, boolean judgeError, String judgeStatus, String detail,
                             MetricList extra, Map<String, Location> locations, JudgeScores.Cause failure) {
            MetricList m = new MetricList();
            for (RewardMetric metric : extra.toList()) {
                if (metric.kind() == RewardMetric.Kind.REWARD) {
                    m.reward(metric.name(), metric.value());
                }
            }
            resultOf(LengthCheck.CHECK_NAME).ifPresent(r -> m.reward("length_factor", r.metric("length_factor", 1.0)));
            m.flag("floored", floored);
            m.flag("review_flag", !flags.isEmpty());
            m.flag("judge_error", judgeError);
            m.flag(PREDICTION_FAILURE, failure == JudgeScores.Cause.PREDICTION);
            m.flag(SERVICE_FAILURE, failure == JudgeScores.Cause.SERVICE);
            m.flag("judge_skipped", "skipped".equals(judgeStatus));
            m.flag("no_reference", input.noReference());
            for (RewardMetric metric : extra.toList()) {
                if (metric.kind() == RewardMetric.Kind.METRIC) {
                    m.metric(metric.name(), metric.value());
                }
            }
            resultOf(FormatCheck.CHECK_NAME).ifPresent(r -> m.metric("format_valid", r.metric("format_valid", 0.0)));
            m.metric("comment_count", prediction.comments().size());
            if (!locations.isEmpty()) {
                groundingMetrics(m, locations);
            }
            resultOf(LanguageCheck.CHECK_NAME).ifPresent(r -> m.metric("language_match", r.metric("language_match", 1.0)));
            overlap().ifPresent(r -> {
                m.metric("reference_recall", r.metric("reference_recall", 0.0));
                m.metric("reference_f1", r.metric("reference_f1", 0.0));
            });
            ruleCounts.forEach((rule, count) -> m.metric("rule." + rule, count));
            return new RewardOutcome(reward, m.toList(), flags, floored, judgeError, judgeStatus, detail, judgeCall);
        }

        private void groundingMetrics(MetricList m, Map<String, Location> locations) {
            int inTarget = 0;
            int inReference = 0;
            int notFound = 0;
            for (Location loc : locations.values()) {
                if (loc.status().inTarget()) {
                    inTarget++;
                } else if (loc.status() == MatchStatus.IN_REFERENCE) {
                    inReference++;
                } else {
                    notFound++;
                }
            }
            m.metric("grounded_share", (double) inTarget / locations.size());
            m.metric("excerpts_in_reference", inReference);
            m.metric("excerpts_not_found", notFound);
        }

        private Optional<CheckResult> overlap() {
            if (config.referenceOverlapWeight().isEmpty()) {
                return Optional.empty();
            }
            return ReferenceSpans.of(input.referenceAnswer(), config.ignoredReferenceCategories())
                    .map(spans -> overlapCheck.check(spans,
                            prediction.comments().stream().map(Comment::textExcerpt).toList()));
        }

        private Optional<CheckResult> resultOf(String checkName) {
            return results.stream().filter(r -> r.checkName().equals(checkName)).findFirst();
        }
    }
}
