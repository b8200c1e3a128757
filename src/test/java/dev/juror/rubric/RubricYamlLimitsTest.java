package dev.juror.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18, section 6: the YAML parser has size limits (a 30 MB scalar kept {@code rubric check} busy for
 * minutes), and anchors, aliases and merge keys are refused with a message instead of being read as text
 * ({@code scale: *sc} became "sc") or ignored.
 */
class RubricYamlLimitsTest {

    private static final Duration QUICK = Duration.ofSeconds(5);

    @TempDir
    Path temp;

    private static String withObjective(String objective) {
        return TestRubrics.MINIMAL.replace("objective: Grade the answer.", "objective: " + objective);
    }

    @Test
    void aThirtyMegabyteScalarFileIsRefusedAtOnce() throws Exception {
        Path file = Files.writeString(temp.resolve("huge.yaml"), withObjective("x".repeat(30 * 1024 * 1024)));
        assertTimeoutPreemptively(QUICK, () -> assertThatThrownBy(() -> new RubricYaml().read(file))
                .isInstanceOf(RubricException.class)
                .hasMessageContaining("the file is 30.0 MB, above the limit of 256.0 KB; a rubric is a few KB"));
    }

    @Test
    void aThirtyMegabyteScalarTextIsRefusedAtOnce() {
        String yaml = withObjective("x".repeat(30 * 1024 * 1024));
        assertTimeoutPreemptively(QUICK, () -> assertThatThrownBy(() -> new RubricYaml().read(yaml, "editor"))
                .isInstanceOf(RubricException.class)
                .hasMessageContaining("above the limit of 256.0 KB"));
    }

    @Test
    void aScalarJustBelowTheLimitIsStillParsedQuickly() throws Exception {
        String yaml = withObjective("x".repeat(RubricYaml.MAX_BYTES - TestRubrics.MINIMAL.length() - 16));
        Rubric rubric = assertTimeoutPreemptively(QUICK, () -> new RubricYaml().read(yaml, "editor"));
        assertThat(rubric.objective()).hasSizeGreaterThan(RubricYaml.MAX_BYTES - 1000);
    }

    @Test
    void anAliasIsRefusedInsteadOfBeingReadAsItsName() {
        String yaml = TestRubrics.MINIMAL.replaceFirst("scale: 1-3", "scale: &sc 1-3").replaceFirst("(?s)(Clarity.*?)scale: 1-3",
                "$1scale: *sc");
        assertThat(yaml).contains("*sc");
        assertThatThrownBy(() -> new RubricYaml().read(yaml, "r.yaml"))
                .isInstanceOf(RubricException.class)
                .satisfies(e -> assertThat(((RubricException) e).lines()).singleElement().isEqualTo(
                        "r.yaml: line 13: the alias *sc is not supported (Juror does not expand YAML anchors); write the"
                                + " value out in full"));
    }

    @Test
    void aMergeKeyIsRefusedInsteadOfBeingIgnored() {
        String yaml = TestRubrics.MINIMAL.replace("judge:\n  model_id: amazon.nova-pro-v1:0\n",
                "judge:\n  <<: {model_id: amazon.nova-pro-v1:0}\n  temperature: 0\n");
        assertThat(yaml).contains("<<");
        assertThatThrownBy(() -> new RubricYaml().read(yaml, "r.yaml"))
                .isInstanceOf(RubricException.class)
                .hasMessageContaining("merge keys (<<) are not supported; write the keys out in full");
    }

    @Test
    void anAnchorAloneChangesNothingAndIsAccepted() throws Exception {
        Rubric rubric = new RubricYaml().read(TestRubrics.MINIMAL.replaceFirst("scale: 1-3", "scale: &sc 1-3"), "r.yaml");
        assertThat(rubric.scale()).isEqualTo(new Scale.IntegerScale(1, 3));
    }

    @Test
    void aFifoAsRubricIsRefusedWithoutHanging() throws Exception {
        Path fifo = dev.juror.testing.SpecialFiles.fifo(temp.resolve("rubric.yaml"));
        assertTimeoutPreemptively(QUICK, () -> assertThatThrownBy(() -> new RubricYaml().read(fifo))
                .isInstanceOf(RubricException.class)
                .hasMessageContaining("the file is not a regular file"));
    }
}
