package dev.juror.judge.heuristic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.dataset.Comment;
import dev.juror.dataset.ImportBatch;
import dev.juror.dataset.JsonlImportReader;
import dev.juror.dataset.PredictionParser;
import dev.juror.dataset.RolloutInput;
import dev.juror.dataset.SampleInput;
import dev.juror.judge.JudgeItem;
import dev.juror.judge.JudgeResult;
import dev.juror.judge.output.CommentJudgement;
import dev.juror.judge.output.DimensionScore;
import dev.juror.judge.output.ResultStatus;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The heuristic baseline on the shipped samples: its rules must rank the demonstration rollouts sensibly. */
class HeuristicJudgeTest {

    private static Rubric contract;
    private static List<SampleInput> samples;
    private final HeuristicJudge judge = new HeuristicJudge();

    @BeforeAll
    static void load() throws Exception {
        contract = new RubricYaml().read(Path.of("rubrics/contract-review.yaml"));
        ImportBatch batch = JsonlImportReader.read(Path.of("samples/contract-review/contract-review.jsonl"));
        samples = batch.samples();
    }

    private JudgeResult judge(SampleInput sample, RolloutInput rollout) {
        return judge.judge(JudgeItem.pointwise(sample.id() + "/" + sample.rollouts().indexOf(rollout), contract,
                sample.systemPrompt(), sample.targetDocument(), sample.referenceDocument(),
                PredictionParser.parse(rollout.prediction())));
    }

    private static String kind(RolloutInput rollout) {
        return String.valueOf(rollout.metadata().get("kind"));
    }

    @Test
    void quotesReferenceRolloutsGetGroundingOneOnTheReferenceQuote() {
        int seen = 0;
        for (SampleInput sample : samples) {
            for (RolloutInput rollout : sample.rollouts()) {
                if (!kind(rollout).equals("quotes_reference")) {
                    continue;
                }
                seen++;
                JudgeResult result = judge(sample, rollout);
                assertThat(result.status()).isEqualTo(ResultStatus.OK);
                List<DimensionScore> grounding = result.judgement().orElseThrow().comments().stream()
                        .map(c -> c.score("TargetDocument_Grounding").orElseThrow()).toList();
                assertThat(grounding).anySatisfy(g -> {
                    assertThat(g.score()).isEqualTo(1.0);
                    assertThat(g.justification()).contains("G1").contains("Reference");
                });
            }
        }
        assertThat(seen).isGreaterThanOrEqualTo(3);
    }

    @Test
    void strongRolloutsOutscoreEveryFlawedKindOfTheirSample() {
        List<String> report = new ArrayList<>();
        int comparisons = 0;
        for (SampleInput sample : samples) {
            List<Double> strong = new ArrayList<>();
            Map<String, Double> flawed = new java.util.LinkedHashMap<>();
            for (RolloutInput rollout : sample.rollouts()) {
                JudgeResult result = judge(sample, rollout);
                if (!result.ok()) {
                    continue;
                }
                double score = result.sampleScore().getAsDouble();
                report.add(sample.id() + " " + kind(rollout) + " " + score);
                if (kind(rollout).equals("strong")) {
                    strong.add(score);
                } else if (List.of("quotes_reference", "fabricated_excerpt", "vague", "wrong_clause").contains(kind(rollout))) {
                    flawed.put(kind(rollout), score);
                }
            }
            for (double s : strong) {
                for (Map.Entry<String, Double> f : flawed.entrySet()) {
                    comparisons++;
                    assertThat(s).as("%s: strong %s vs %s %s%n%s", sample.id(), s, f.getKey(), f.getValue(), report)
                            .isGreaterThan(f.getValue());
                }
            }
        }
        assertThat(comparisons).isGreaterThanOrEqualTo(20);
    }

    @Test
    void strongRolloutsScoreHigh() {
        for (SampleInput sample : samples) {
            for (RolloutInput rollout : sample.rollouts()) {
                if (kind(rollout).equals("strong")) {
                    JudgeResult result = judge(sample, rollout);
                    assertThat(result.sampleScore().getAsDouble()).as(sample.id()).isGreaterThanOrEqualTo(3.5);
                }
            }
        }
    }

    @Test
    void everyJustificationNamesItsRule() {
        SampleInput sample = samples.get(0);
        JudgeResult result = judge(sample, sample.rollouts().get(0));
        for (CommentJudgement c : result.judgement().orElseThrow().comments()) {
            assertThat(c.scores()).allSatisfy(s -> assertThat(s.justification()).matches("heuristic rule [GRA]\\d: .+"));
        }
        assertThat(result.model()).isEqualTo(HeuristicJudge.MODEL);
        assertThat(result.arithmeticMismatch()).isFalse();
        assertThat(result.rawOutput()).startsWith("{\"comments\"");
    }

    @Test
    void actionabilityRules() {
        assertThat(HeuristicRules.actionability(action("")).score()).isEqualTo(1);
        assertThat(HeuristicRules.actionability(action("Consider revising this clause.")).score()).isEqualTo(2);
        assertThat(HeuristicRules.actionability(action("Negotiate a shorter term.")).score()).isEqualTo(3);
        assertThat(HeuristicRules.actionability(action("Cap liability at 12 months of fees.")).score()).isEqualTo(4);
        assertThat(HeuristicRules.actionability(action(
                "Replace with: \"Either party may terminate on ninety days written notice.\"")).score()).isEqualTo(5);
    }

    @Test
    void emptyReferenceIsSaidSo() {
        RuleScore r = HeuristicRules.reference(new Comment("c1", "x", "Uncapped liability.", "risk", ""), List.of());
        assertThat(r.score()).isEqualTo(2);
        assertThat(r.rule()).isEqualTo("R0");
    }

    @Test
    void refusesRubricsItHasNoRulesFor() throws Exception {
        Rubric pairwise = new RubricYaml().read(Path.of("rubrics/pairwise-preference.yaml"));
        Rubric checklist = new RubricYaml().read(Path.of("rubrics/boolean-checklist.yaml"));
        assertThat(HeuristicJudge.supports(contract)).isEmpty();
        assertThat(HeuristicJudge.supports(pairwise)).get().asString().contains("pairwise");
        assertThat(HeuristicJudge.supports(checklist)).get().asString().contains("Issue_Valid");
        SampleInput s = samples.get(0);
        JudgeResult result = judge.judge(new JudgeItem("x", checklist, "", s.targetDocument(), s.referenceDocument(),
                s.rollouts().get(0).prediction(), null, Optional.empty()));
        assertThat(result.status()).isEqualTo(ResultStatus.API_ERROR);
        assertThat(result.error()).contains("UnsupportedRubric");
    }

    private static Comment action(String text) {
        return new Comment("c1", "x", "y", "risk", text);
    }
}
