package dev.juror.calibration.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.calibration.CalibrationEngine;
import dev.juror.calibration.CalibrationInput;
import dev.juror.calibration.CalibrationReport;
import dev.juror.calibration.JudgeRun;
import dev.juror.calibration.JudgeScore;
import dev.juror.calibration.rating.Rating;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/** The verdict against the contract-review rubric's thresholds (kappa lower bound 0.6, n 50, ceiling 0.1, flips 0.1). */
class VerdictRulesTest {

    static final Rubric RUBRIC = load();
    static final String VERSION = CanonicalForm.version(RUBRIC);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);
    static final BootstrapConfig CONFIG = BootstrapConfig.defaults(11).withResamples(400);

    static Rubric load() {
        try {
            return new RubricYaml().read(Path.of("rubrics/contract-review.yaml"));
        } catch (dev.juror.rubric.RubricException e) {
            throw new IllegalStateException(e);
        }
    }

    static int h1(int i) {
        return 1 + (i * 7 + i / 5) % 5;
    }

    static int h2(int i) {
        int s = h1(i);
        return i % 10 == 0 ? (s == 5 ? 4 : s + 1) : s;
    }

    /** {@code items} comments, two humans, a judge with 2 repeats: repeat 1 = judge(i), repeat 2 = flip(i). */
    static CalibrationReport report(int items, String runVersion, IntUnaryOperator judge, IntUnaryOperator flip,
                                    String badDimension) {
        List<Rating> humans = new ArrayList<>();
        List<JudgeScore> scores = new ArrayList<>();
        for (String dim : RUBRIC.dimensionNames()) {
            for (int i = 0; i < items; i++) {
                String key = "s/0/" + i;
                humans.add(new Rating(key, dim, "h1", h1(i)));
                humans.add(new Rating(key, dim, "h2", h2(i)));
                int j = dim.equals(badDimension) ? 6 - h1(i) : judge.applyAsInt(i);
                scores.add(new JudgeScore(key, dim, 0, j));
                scores.add(new JudgeScore(key, dim, 1, dim.equals(badDimension) ? j : flip.applyAsInt(i)));
            }
        }
        JudgeRun run = new JudgeRun("run-1", runVersion, "judge-x", Instant.EPOCH, scores);
        return new CalibrationEngine(CONFIG, CLOCK).calibrate(new CalibrationInput(RUBRIC, VERSION, humans, List.of(run)));
    }

    @Test
    void validatedWhenEveryConditionHolds() {
        CalibrationReport r = report(60, VERSION, VerdictRulesTest::h1, VerdictRulesTest::h1, "");
        Verdict v = VerdictRules.decide(RUBRIC, VERSION, r, "run-1",
                Optional.of(new RegressionEvidence("suite", VERSION, "judge-x", 14, 0)), CLOCK);
        assertThat(v.failed()).isEmpty();
        assertThat(v.status()).isEqualTo(Verdict.Status.VALIDATED);
        assertThat(v.judgeModel()).isEqualTo("judge-x");
        assertThat(v.rubricVersion()).isEqualTo(VERSION);
        // rubric_version + 4 per dimension + regression
        assertThat(v.conditions()).hasSize(1 + 4 * 3 + 1);
        assertThat(v.conditions()).extracting(Condition::name).containsOnly("rubric_version", "min_items",
                "kappa_lower_bound", "human_ceiling", "flip_rate", "regression_suite");
    }

    @Test
    void everyFailedConditionIsNamedWithItsNumbers() {
        // 20 items (< 50); every 4th item flips between repeats (25 % > 10 %); Actionability reversed;
        // the run was made under another rubric version; no regression result
        CalibrationReport r = report(20, "0ld0ld0ld0ld", VerdictRulesTest::h1,
                i -> i % 4 == 0 ? (h1(i) == 5 ? 4 : h1(i) + 1) : h1(i), "Actionability");
        Verdict v = VerdictRules.decide(RUBRIC, VERSION, r, "run-1", Optional.empty(), CLOCK);
        assertThat(v.status()).isEqualTo(Verdict.Status.NOT_VALIDATED);
        List<String> failed = v.failed().stream().map(c -> c.name() + ":" + c.dimension()).toList();
        assertThat(failed).contains("rubric_version:", "regression_suite:",
                "min_items:TargetDocument_Grounding", "min_items:Reference_Consistency", "min_items:Actionability",
                "flip_rate:TargetDocument_Grounding", "kappa_lower_bound:Actionability", "human_ceiling:Actionability");
        assertThat(failed).doesNotContain("flip_rate:Actionability", "kappa_lower_bound:TargetDocument_Grounding");
        Condition items = v.failed().stream().filter(c -> c.name().equals("min_items")).findFirst().orElseThrow();
        assertThat(items.actual().value()).isEqualTo(20);
        assertThat(items.summary()).startsWith("FAIL TargetDocument_Grounding: min_items = 20 (required >= 50)");
        Condition flips = v.failed().stream().filter(c -> c.name().equals("flip_rate")).findFirst().orElseThrow();
        assertThat(flips.actual().value()).isEqualTo(0.25);
        assertThat(flips.detail()).isEqualTo("5 of 20 items changed score across 2 repeats");
        Condition regression = v.failed().stream().filter(c -> c.name().equals("regression_suite")).findFirst().orElseThrow();
        assertThat(regression.detail()).contains("no regression suite result").contains("judge-x");
    }

    @Test
    void aFailingOrForeignSuiteRunDoesNotCount() {
        CalibrationReport r = report(60, VERSION, VerdictRulesTest::h1, VerdictRulesTest::h1, "");
        Verdict failing = VerdictRules.decide(RUBRIC, VERSION, r, "run-1",
                Optional.of(new RegressionEvidence("suite", VERSION, "judge-x", 14, 2)), CLOCK);
        assertThat(failing.failed()).extracting(Condition::name).containsExactly("regression_suite");
        Verdict foreign = VerdictRules.decide(RUBRIC, VERSION, r, "run-1",
                Optional.of(new RegressionEvidence("suite", "another", "judge-x", 14, 0)), CLOCK);
        assertThat(foreign.failed()).extracting(Condition::detail).singleElement().asString()
                .contains("under rubric version another");
    }
}
