package dev.juror.calibration.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuiteYamlTest {

    static RegressionSuite parse(String yaml) {
        return new SuiteYaml().parse("suite.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheShippedSuite() {
        RegressionSuite s = new SuiteYaml().read(Path.of("suites/contract-review.yaml"));
        assertThat(s.rubric()).isEqualTo("contract-review");
        assertThat(s.cases()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(s.cases()).extracting(RegressionSuite.SuiteCase::id)
                .contains("known-good-agape", "reference-quoting", "fabricated-excerpt", "injection-direct-instruction",
                        "empty-prediction", "malformed-json");
        assertThat(s.hash()).hasSize(64);
    }

    @Test
    void everyProblemIsReportedWithItsPath() {
        String yaml = """
                name: x
                rubric: contract-review
                colour: red
                cases:
                  - id: a
                    rollout: {sample: s, index: -1}
                    expect:
                      - {dimension: G, min: "four"}
                      - sample_score: {}
                      - teleport: yes
                  - id: a
                    rollout: {sample: s, index: 0}
                    expect: []
                  - id: b
                    rollout: {sample: s, index: 0}
                    expect:
                      - {dimension: G, min: 4, max: 2}
                """;
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(SuiteException.class).satisfies(e -> {
            var problems = ((SuiteException) e).problems();
            assertThat(problems).anyMatch(p -> p.startsWith("colour: unknown key"));
            assertThat(problems).anyMatch(p -> p.startsWith("cases[0].rollout.index: must be a rollout index"));
            assertThat(problems).anyMatch(p -> p.startsWith("cases[0].expect[0].min: must be a number"));
            assertThat(problems).anyMatch(p -> p.startsWith("cases[0].expect[1].sample_score: give min, max or both"));
            assertThat(problems).anyMatch(p -> p.startsWith("cases[0].expect[2]: unknown expectation"));
            assertThat(problems).anyMatch(p -> p.startsWith("cases[1].id: 'a' is used by an earlier case"));
            assertThat(problems).anyMatch(p -> p.startsWith("cases[1].expect: must be a non-empty list"));
            assertThat(problems).anyMatch(p -> p.startsWith("cases[2].expect[0].min: 4.0 is above max 2.0"));
            assertThat(e.getMessage()).startsWith("suite.yaml: ");
        });
    }

    @Test
    void notYamlAtAll() {
        assertThatThrownBy(() -> parse("cases: [unclosed")).isInstanceOf(SuiteException.class)
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void aliasesAreRefusedInsteadOfBeingReadAsTheirNames() {
        String yaml = """
                name: s
                rubric: &r contract-review
                description: *r
                cases:
                  - id: a
                    rollout: {sample: x, index: 0}
                    expect:
                      - flag: injection
                """;
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(SuiteException.class)
                .satisfies(e -> assertThat(((SuiteException) e).problems()).containsExactly(
                        "line 3: the alias *r is not supported (Juror does not expand YAML anchors); write the value out"
                                + " in full"));
    }

    @Test
    void aSuiteAboveTheSizeCapIsRefusedBeforeParsing(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path big = dev.juror.testing.SpecialFiles.sparse(dir.resolve("suite.yaml"), 30L * 1024 * 1024);
        assertThatThrownBy(() -> new SuiteYaml().read(big)).isInstanceOf(SuiteException.class)
                .satisfies(e -> assertThat(((SuiteException) e).problems()).containsExactly(
                        "the file is 30.0 MB, above the limit of 1.0 MB; split the suite"));
    }

    @Test
    void runnerChecksEveryExpectationKind() {
        RegressionSuite suite = parse("""
                name: t
                rubric: r
                cases:
                  - id: good
                    rollout: {sample: s, index: 0}
                    expect:
                      - sample_score: {min: 4}
                      - {dimension: G, comment: 1, min: 4, max: 5}
                      - outscores: {sample: s, index: 1}
                      - no_flag: injection
                  - id: bad
                    rollout: {sample: s, index: 1}
                    expect:
                      - flag: injection
                      - {dimension: G, max: 2}
                  - id: broken
                    rollout: {sample: s, index: 2}
                    expect:
                      - sample_score: {max: 5}
                      - flag: format
                """);
        RolloutScorer scorer = ref -> switch (ref.index()) {
            case 0 -> new ScoredRollout(ref, Map.of(0, Map.of("G", 5), 1, Map.of("G", 4)), OptionalDouble.of(4.5), Set.of(), "");
            case 1 -> new ScoredRollout(ref, Map.of(0, Map.of("G", 1), 1, Map.of("G", 3)), OptionalDouble.of(2.0),
                    Set.of("injection"), "");
            default -> ScoredRollout.failed(ref, "judge parse_error: not JSON", Set.of("format", "judge_error"));
        };
        SuiteResult r = new SuiteRunner(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).run(suite, "v", "m", scorer);
        assertThat(r.cases()).extracting(SuiteResult.CaseResult::passed).containsExactly(true, false, false);
        assertThat(r.passed()).isFalse();
        assertThat(r.failedCases()).isEqualTo(2);
        SuiteResult.Check grounding = r.cases().get(1).checks().get(1);
        assertThat(grounding.passed()).isFalse();
        assertThat(grounding.found()).isEqualTo("comment 0: 1, comment 1: 3");
        assertThat(grounding.expectation()).isEqualTo("G on every comment <= 2");
        SuiteResult.Check notScored = r.cases().get(2).checks().get(0);
        assertThat(notScored.found()).startsWith("not scored: judge parse_error");
        assertThat(r.cases().get(2).checks().get(1).passed()).isTrue();
    }
}
