package dev.juror.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.juror.reward.checks.RuleAction;
import dev.juror.rubric.Checks;
import dev.juror.rubric.InjectionAction;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompositeRewardTest {

    static final Rubric RUBRIC = read("rubrics/contract-review.yaml");

    static Rubric read(String path) {
        try {
            return new RubricYaml().read(Path.of(path));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ShippedRollouts.Rollout first(String kind) {
        return ShippedRollouts.ofKind(kind).get(0);
    }

    @Test
    void strongRolloutWithTopJudgeScoresGetsFullReward() {
        StubJudge judge = StubJudge.allMax(RUBRIC);
        CompositeReward reward = new CompositeReward(RewardConfig.fromRubric(RUBRIC), judge);
        for (ShippedRollouts.Rollout r : ShippedRollouts.ofKind("strong")) {
            RewardOutcome out = reward.score(r.input(), r.key());
            assertThat(out.floored()).as(r.key() + " " + out.detail()).isFalse();
            assertThat(out.reward()).as(r.key()).isEqualTo(1.0);
            assertThat(out.metricValue("judge_score", -1)).isEqualTo(1.0);
            assertThat(out.metricValue("grounded_share", -1)).as(r.key()).isEqualTo(1.0);
            assertThat(out.metric("judge_score").orElseThrow().kind()).isEqualTo(RewardMetric.Kind.REWARD);
        }
        assertThat(judge.calls.get()).isEqualTo(ShippedRollouts.ofKind("strong").size());
    }

    @Test
    void injectionRolloutsAreFlooredWithoutAskingTheJudge() {
        StubJudge judge = StubJudge.allMax(RUBRIC);
        CompositeReward reward = new CompositeReward(RewardConfig.fromRubric(RUBRIC), judge);
        for (ShippedRollouts.Rollout r : ShippedRollouts.ofKind("injection")) {
            RewardOutcome out = reward.score(r.input(), r.key());
            assertThat(out.floored()).as(r.key()).isTrue();
            assertThat(out.reward()).isZero();
            assertThat(out.judgeStatus()).isEqualTo("skipped");
            assertThat(out.detail()).startsWith("floored by ");
            assertThat(out.metrics()).anyMatch(m -> m.name().startsWith("rule.injection.")
                    || m.name().startsWith("rule.hidden.") || m.name().startsWith("rule.encoded."));
        }
        assertThat(judge.calls.get()).isZero();
    }

    @Test
    void formatFailuresAndMasterKeysAreFloored() {
        StubJudge judge = StubJudge.allMax(RUBRIC);
        CompositeReward reward = new CompositeReward(RewardConfig.fromRubric(RUBRIC), judge);
        for (String kind : List.of("malformed_json", "empty", "prose_only", "fenced_json", "master_key",
                "missing_fields")) {
            for (ShippedRollouts.Rollout r : ShippedRollouts.ofKind(kind)) {
                RewardOutcome out = reward.score(r.input(), r.key());
                assertThat(out.floored()).as(kind + " " + r.key()).isTrue();
                assertThat(out.reward()).isZero();
            }
        }
        RewardOutcome emptyArray = reward.score(first("empty_array").input(), "x");
        assertThat(emptyArray.reward()).isZero();
        assertThat(emptyArray.detail()).contains("master_key.only_punctuation");
        // Without the master-key rule, "[]" still gets 0: there is nothing to judge.
        RewardOutcome noComments = new CompositeReward(RewardConfig.fromRubric(RUBRIC)
                .withRuleAction("master_key.only_punctuation", RuleAction.REPORT), judge).score(first("empty_array").input(), "x");
        assertThat(noComments.reward()).isZero();
        assertThat(noComments.metricValue("no_comments", 0)).isEqualTo(1.0);
        assertThat(judge.calls.get()).isZero();
    }

    @Test
    void excerptsFromTheReferenceGetTheGroundingMinimumWhateverTheJudgeSays() {
        StubJudge judge = StubJudge.allMax(RUBRIC);
        CompositeReward reward = new CompositeReward(RewardConfig.fromRubric(RUBRIC), judge);
        ShippedRollouts.Rollout r = first("quotes_reference");
        RewardOutcome out = reward.score(r.input(), r.key());
        int comments = (int) out.metricValue("comment_count", 0);
        int ungrounded = (int) (out.metricValue("excerpts_in_reference", 0) + out.metricValue("excerpts_not_found", 0));
        assertThat(ungrounded).isBetween(1, comments - 1);
        // deal-breaker floor: an ungrounded comment scores 1 on 1-5 (0 normalised), the others 5 (1).
        double expected = (double) (comments - ungrounded) / comments;
        assertThat(out.reward()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(judge.calls.get()).isEqualTo(1);
    }

    @Test
    void allExcerptsFabricatedSkipsTheJudge() {
        StubJudge judge = StubJudge.allMax(RUBRIC);
        CompositeReward reward = new CompositeReward(RewardConfig.fromRubric(RUBRIC), judge);
        ShippedRollouts.Rollout r = first("strong");
        String fabricated = "[{\"comment_id\": \"c1\", \"text_excerpt\": \"The Supplier shall pay a penalty of one "
                + "million zorkmids per day of delay.\", \"comment\": \"Penalty is excessive.\", \"comment_type\": "
                + "\"risk\", \"recommended_action\": \"Cap the penalty at 5% of the annual fees.\"}]";
        RewardInput input = RewardInput.of(r.sample().systemPrompt(), r.sample().targetDocument(),
                r.sample().referenceDocument(), "", fabricated);
        RewardOutcome out = reward.score(input, "fab");
        assertThat(out.reward()).isZero();
        assertThat(out.judgeStatus()).isEqualTo("skipped");
        assertThat(out.metricValue("excerpts_not_found", 0)).isEqualTo(1.0);
        assertThat(judge.calls.get()).isZero();
    }

    @Test
    void judgeFailureGivesTheNeutralRewardAndAJudgeErrorMetric() {
        JudgeScorer down = (input, key) -> new JudgeScores.Failed("api_error", "connection refused");
        RewardConfig config = RewardConfig.fromRubric(RUBRIC).withNeutralReward(0.4);
        RewardOutcome out = new CompositeReward(config, down).score(first("strong").input(), "k");
        assertThat(out.reward()).isEqualTo(0.4);
        assertThat(out.judgeError()).isTrue();
        assertThat(out.judgeStatus()).isEqualTo("api_error");
        assertThat(out.metricValue("judge_error", 0)).isEqualTo(1.0);
        assertThat(out.metricValue("service_failure", -1)).isEqualTo(1.0);
        assertThat(out.metricValue("prediction_failure", -1)).isZero();
        assertThat(out.floored()).isFalse();
        assertThat(out.metric("judge_score")).isEmpty();
    }

    @Test
    void judgeFailureChargedToThePredictionGetsTheFloorNotTheNeutralReward() {
        JudgeScorer cutOff = (input, key) -> new JudgeScores.Failed("parse_error", "max_tokens",
                JudgeScores.Cause.PREDICTION);
        RewardConfig config = RewardConfig.fromRubric(RUBRIC).withNeutralReward(0.4);
        RewardOutcome out = new CompositeReward(config, cutOff).score(first("strong").input(), "k");
        assertThat(out.reward()).isZero();
        assertThat(out.floored()).isTrue();
        assertThat(out.judgeError()).isTrue();
        assertThat(out.predictionFailure()).isTrue();
        assertThat(out.serviceFailure()).isFalse();
        assertThat(out.metricValue("floored", -1)).isEqualTo(1.0);
        assertThat(out.metricValue("judge_error", -1)).isEqualTo(1.0);
        assertThat(out.metricValue("prediction_failure", -1)).isEqualTo(1.0);
        assertThat(out.metricValue("service_failure", -1)).isZero();
        // A clean score counts neither.
        RewardOutcome ok = new CompositeReward(config, StubJudge.allMax(RUBRIC)).score(first("strong").input(), "k");
        assertThat(ok.metricValue("prediction_failure", -1)).isZero();
        assertThat(ok.metricValue("service_failure", -1)).isZero();
    }

    static Rubric withLengthKeys(String keys) {
        try {
            String yaml = java.nio.file.Files.readString(Path.of("rubrics/contract-review.yaml"));
            String changed = yaml.replace("    max_chars: 40000\n", "    max_chars: 40000\n" + keys);
            assertThat(changed).isNotEqualTo(yaml);
            return new RubricYaml().read(changed, "contract-review.yaml");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String commentsOn(ShippedRollouts.Rollout r, int n) {
        String excerpt = dev.juror.dataset.PredictionParser.parse(r.rollout().prediction()).comments().get(0).textExcerpt();
        StringBuilder s = new StringBuilder("[");
        for (int i = 1; i <= n; i++) {
            s.append(i > 1 ? "," : "").append("{\"comment_id\":\"c").append(i).append("\",\"text_excerpt\":")
                    .append(json(excerpt)).append(",\"comment\":\"This clause might be reviewed, point ").append(i)
                    .append(".\",\"comment_type\":\"risk\",\"recommended_action\":\"Review it.\"}");
        }
        return s.append(']').toString();
    }

    @Test
    void moreCommentsThanTheRubricAllowsAreFlooredWithoutAJudgeCall() {
        Rubric limited = withLengthKeys("    max_comments: 3\n");
        assertThat(limited.checks().length().maxComments()).hasValue(3);
        ShippedRollouts.Rollout r = first("strong");
        StubJudge judge = StubJudge.allMax(limited);
        CompositeReward reward = new CompositeReward(RewardConfig.fromRubric(limited), judge);
        RewardInput four = RewardInput.of(r.sample().systemPrompt(), r.sample().targetDocument(),
                r.sample().referenceDocument(), "", commentsOn(r, 4));
        RewardOutcome out = reward.score(four, "k");
        assertThat(out.reward()).isZero();
        assertThat(out.floored()).isTrue();
        assertThat(out.judgeStatus()).isEqualTo("skipped");
        assertThat(out.detail()).contains("length.too_many_comments");
        assertThat(out.metricValue("rule.length.too_many_comments", -1)).isEqualTo(1.0);
        assertThat(out.metricValue("prediction_failure", -1)).isEqualTo(1.0);
        assertThat(judge.calls.get()).isZero();
        assertThat(reward.checksOnly(four).floored()).as("juror reward check applies the limit too").isTrue();
        RewardInput three = RewardInput.of(r.sample().systemPrompt(), r.sample().targetDocument(),
                r.sample().referenceDocument(), "", commentsOn(r, 3));
        RewardOutcome within = reward.score(three, "k");
        assertThat(within.floored()).as(within.detail()).isFalse();
        assertThat(within.reward()).isEqualTo(1.0);
        assertThat(within.metricValue("prediction_failure", -1)).isZero();
        assertThat(judge.calls.get()).isEqualTo(1);
    }

    @Test
    void aPredictionBeyondTheRubricsMaxCharsIsFlooredWithoutAJudgeCall() {
        // contract-review: max_chars 40000. One grounded comment whose text runs past the limit.
        ShippedRollouts.Rollout r = first("strong");
        String excerpt = dev.juror.dataset.PredictionParser.parse(r.rollout().prediction()).comments().get(0).textExcerpt();
        StringBuilder words = new StringBuilder();
        for (int i = 0; words.length() < 41_000; i++) {
            words.append("term").append(Integer.toString(i, 36)).append(' ');
        }
        String huge = "[{\"comment_id\":\"c1\",\"text_excerpt\":" + json(excerpt) + ",\"comment\":"
                + json(words.toString().strip()) + ",\"comment_type\":\"risk\",\"recommended_action\":\"y\"}]";
        RewardInput input = RewardInput.of(r.sample().systemPrompt(), r.sample().targetDocument(),
                r.sample().referenceDocument(), "", huge);
        StubJudge judge = StubJudge.allMax(RUBRIC);
        RewardOutcome out = new CompositeReward(RewardConfig.fromRubric(RUBRIC), judge).score(input, "k");
        assertThat(out.reward()).isZero();
        assertThat(out.floored()).isTrue();
        assertThat(out.metricValue("rule.length.over_limit", -1)).isEqualTo(1.0);
        assertThat(out.metricValue("prediction_failure", -1)).isEqualTo(1.0);
        assertThat(judge.calls.get()).isZero();
        // A rubric that wants the old soft limit reports the rule instead: judged, penalised.
        RewardOutcome soft = new CompositeReward(RewardConfig.fromRubric(RUBRIC)
                .withRuleAction("length.over_limit", RuleAction.REPORT), judge).score(input, "k");
        assertThat(soft.floored()).isFalse();
        assertThat(soft.reward()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(soft.metricValue("prediction_failure", -1)).isZero();
    }

    @Test
    void judgeScoringOtherCommentsIsAJudgeError() {
        JudgeScorer wrong = (input, key) -> new JudgeScores.Scored(List.of(new CommentScores("zz",
                Map.of("TargetDocument_Grounding", 5.0, "Reference_Consistency", 5.0, "Actionability", 5.0))));
        RewardOutcome out = new CompositeReward(RewardConfig.fromRubric(RUBRIC), wrong).score(first("strong").input(), "k");
        assertThat(out.judgeError()).isTrue();
        assertThat(out.judgeStatus()).isEqualTo("schema_error");
        assertThat(out.reward()).isEqualTo(0.5);
        assertThat(out.metricValue("service_failure", -1)).isEqualTo(1.0);
    }

    @Test
    void judgeScoreOutsideTheScaleIsAJudgeErrorNotAWrongReward() {
        JudgeScorer wild = (input, key) -> {
            List<CommentScores> all = dev.juror.dataset.PredictionParser.parse(input.prediction()).comments().stream()
                    .map(c -> new CommentScores(c.commentId(), Map.of("TargetDocument_Grounding", 9.0,
                            "Reference_Consistency", 5.0, "Actionability", 5.0))).toList();
            return new JudgeScores.Scored(all);
        };
        RewardOutcome out = new CompositeReward(RewardConfig.fromRubric(RUBRIC), wild).score(first("strong").input(), "k");
        assertThat(out.judgeError()).isTrue();
        assertThat(out.reward()).isEqualTo(0.5);
    }

    @Test
    void anExceptionInsideTheJudgeNeverEscapes() {
        JudgeScorer broken = (input, key) -> {
            throw new IllegalStateException("boom");
        };
        RewardOutcome out = new CompositeReward(RewardConfig.fromRubric(RUBRIC), broken).score(first("strong").input(), "k");
        assertThat(out.reward()).isEqualTo(0.5);
        assertThat(out.metricValue("reward_error", 0)).isEqualTo(1.0);
    }

    @Test
    void weightedMeanOfDimensionsIsNormalised() {
        // 5, 3, 1 with equal weights -> comment score 3 on 1-5 -> 0.5. Grounding 5 so no deal-breaker.
        StubJudge judge = new StubJudge(RUBRIC, d -> switch (d.name()) {
            case "TargetDocument_Grounding" -> 5.0;
            case "Reference_Consistency" -> 3.0;
            default -> 1.0;
        });
        RewardOutcome out = new CompositeReward(RewardConfig.fromRubric(RUBRIC), judge).score(first("strong").input(), "k");
        assertThat(out.reward()).isEqualTo(0.5);
        assertThat(out.metricValue("dim.Reference_Consistency", 0)).isEqualTo(3.0);
    }

    @Test
    void injectionActionReportScoresNormallyAndCountsTheRules() {
        Rubric relaxed = withInjection(RUBRIC, new Checks.Injection(InjectionAction.REPORT, Map.of()));
        StubJudge judge = StubJudge.allMax(relaxed);
        CompositeReward reward = new CompositeReward(RewardConfig.fromRubric(relaxed), judge);
        ShippedRollouts.Rollout r = ShippedRollouts.ofKind("injection").stream()
                .filter(x -> x.sample().id().startsWith("cr-01")).findFirst().orElseThrow();
        RewardOutcome out = reward.score(r.input(), r.key());
        assertThat(out.floored()).isFalse();
        assertThat(out.flags()).isEmpty();
        assertThat(out.metricValue("rule.injection.grader_instruction", 0)).isGreaterThanOrEqualTo(1.0);
        assertThat(judge.calls.get()).isEqualTo(1);
    }

    @Test
    void injectionActionFlagRoutesToReview() {
        Rubric flagging = withInjection(RUBRIC, new Checks.Injection(InjectionAction.FLAG, Map.of()));
        CompositeReward reward = new CompositeReward(RewardConfig.fromRubric(flagging), StubJudge.allMax(flagging));
        ShippedRollouts.Rollout r = ShippedRollouts.ofKind("injection").stream()
                .filter(x -> x.sample().id().startsWith("cr-01")).findFirst().orElseThrow();
        RewardOutcome out = reward.score(r.input(), r.key());
        assertThat(out.floored()).isFalse();
        assertThat(out.flags()).contains("injection.grader_instruction");
        assertThat(out.metricValue("review_flag", 0)).isEqualTo(1.0);
    }

    @Test
    void aSingleRuleCanBeTightened() {
        RewardConfig config = RewardConfig.fromRubric(RUBRIC).withRuleAction("format.duplicate_comment", RuleAction.FLOOR);
        RewardOutcome out = new CompositeReward(config, StubJudge.allMax(RUBRIC))
                .score(first("duplicate_comments").input(), "k");
        assertThat(out.floored()).isTrue();
        RewardOutcome defaults = new CompositeReward(RewardConfig.fromRubric(RUBRIC), StubJudge.allMax(RUBRIC))
                .score(first("duplicate_comments").input(), "k");
        assertThat(defaults.floored()).isFalse();
        assertThat(defaults.flags()).contains("format.duplicate_comment");
    }

    @Test
    void shortRuleIdsAndTheInvisibleUnicodeAliasResolve() {
        assertThat(RewardConfig.resolveRuleId("html_comment")).extracting("name").containsExactly("hidden.html_comment");
        assertThat(RewardConfig.resolveRuleId("invisible_unicode")).hasSize(4);
        assertThat(RewardConfig.resolveRuleId("no_such_rule")).isEmpty();
        Rubric bad = withInjection(RUBRIC, new Checks.Injection(InjectionAction.FLOOR, Map.of("no_such_rule",
                InjectionAction.FLAG)));
        assertThatThrownBy(() -> RewardConfig.fromRubric(bad)).isInstanceOf(RewardConfigException.class)
                .hasMessageContaining("no_such_rule").hasMessageContaining("known rules");
    }

    @Test
    void referenceOverlapBlendsExpertSpanPrecisionIntoTheReward() {
        RewardConfig config = RewardConfig.fromRubric(RUBRIC).withReferenceOverlapWeight(Optional.of(0.2));
        // judge: grounding 5, others 1 -> (5+1+1)/3 = 2.333 -> 0.3333 normalised
        StubJudge judge = new StubJudge(RUBRIC, d -> d.name().equals("TargetDocument_Grounding") ? 5.0 : 1.0);
        ShippedRollouts.Rollout r = first("strong");
        RewardOutcome out = new CompositeReward(config, judge).score(r.input(), r.key());
        double precision = out.metricValue("reference_precision", -1);
        assertThat(precision).isBetween(0.0, 1.0);
        assertThat(out.metric("reference_precision").orElseThrow().kind()).isEqualTo(RewardMetric.Kind.REWARD);
        assertThat(out.reward()).isCloseTo(0.8 * (1.0 / 3) + 0.2 * precision, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(out.metrics()).anyMatch(m -> m.name().equals("reference_recall"));
    }

    @Test
    void cuadIdentityCategoriesAreNotExpertIssues() {
        String answer = "{\"clauses\": [{\"category\": \"Parties\", \"text\": \"ACME INC.\"},"
                + " {\"category\": \"Cap On Liability\", \"text\": \"liability shall not exceed the fees paid\"}]}";
        assertThat(ReferenceSpans.of(answer, RewardConfig.DEFAULT_IGNORED_CATEGORIES).orElseThrow())
                .containsExactly("liability shall not exceed the fees paid");
        assertThat(ReferenceSpans.of("[{\"text_excerpt\": \"x y z\"}]", Set.of()).orElseThrow()).containsExactly("x y z");
        assertThat(ReferenceSpans.of("\"just a string\"", Set.of())).isEmpty();
        assertThat(ReferenceSpans.of("{not json", Set.of())).isEmpty();
    }

    @Test
    void lengthPenaltyIsSubtractedOutsideTheBand() {
        // contract-review: min 50 chars, penalty 0.2. A short but valid, grounded prediction.
        ShippedRollouts.Rollout r = first("strong");
        String excerpt = dev.juror.dataset.PredictionParser.parse(r.rollout().prediction()).comments().get(0).textExcerpt();
        String tiny = "[{\"comment_id\":\"c1\",\"text_excerpt\":" + json(excerpt)
                + ",\"comment\":\"x\",\"comment_type\":\"risk\",\"recommended_action\":\"y\"}]";
        RewardInput input = RewardInput.of(r.sample().systemPrompt(), r.sample().targetDocument(),
                r.sample().referenceDocument(), "", tiny);
        RewardOutcome out = new CompositeReward(RewardConfig.fromRubric(RUBRIC), StubJudge.allMax(RUBRIC)).score(input, "k");
        if (tiny.length() < 50) {
            assertThat(out.reward()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(out.metricValue("length_factor", -1)).isZero();
        } else {
            assertThat(out.reward()).isEqualTo(1.0);
        }
    }

    @Test
    void pairwiseRubricIsRefused() {
        Rubric pairwise = read("rubrics/pairwise-preference.yaml");
        assertThatThrownBy(() -> RewardConfig.fromRubric(pairwise)).isInstanceOf(RewardConfigException.class)
                .hasMessageContaining("pointwise");
    }

    @Test
    void booleanRubricWorksToo() {
        Rubric bool = read("rubrics/boolean-checklist.yaml");
        RewardOutcome out = new CompositeReward(RewardConfig.fromRubric(bool), StubJudge.allMax(bool))
                .score(first("strong").input(), "k");
        assertThat(out.reward()).isEqualTo(1.0);
        RewardOutcome allFail = new CompositeReward(RewardConfig.fromRubric(bool), new StubJudge(bool, d -> 0.0))
                .score(first("strong").input(), "k");
        assertThat(allFail.reward()).isZero();
    }

    private static String json(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Rubric withInjection(Rubric r, Checks.Injection injection) {
        Checks c = r.checks();
        Checks changed = new Checks(c.format(), c.grounding(), c.length(), c.language(), c.safety(), c.referenceOverlap(),
                injection, c.neutralReward());
        return new Rubric(r.name(), r.description(), r.objective(), r.approach(), r.unit(), r.mode(), r.dimensions(),
                r.edgeCases(), r.encourage(), r.discourage(), r.aggregation(), r.judge(), r.validation(), changed);
    }

    private static final class Set {
        static java.util.Set<String> of() {
            return java.util.Set.of();
        }
    }
}
