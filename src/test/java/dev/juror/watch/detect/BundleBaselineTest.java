package dev.juror.watch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.juror.watch.WatchInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleBaselineTest {

    @TempDir
    Path dir;

    @Test
    void readsAgreementAndScoresAndRoundTripsThroughItsJson() throws Exception {
        Files.createDirectories(dir.resolve("evidence"));
        Files.writeString(dir.resolve("evidence/verdict.json"), "{\"status\": \"VALIDATED\"}");
        Files.writeString(dir.resolve("evidence/agreement.json"), "{\"dimensions\": [{\"dimension\": \"accuracy\","
                + " \"judge\": {\"vs_humans\": {\"statistics\": {\"kappa_quadratic\": {\"value\": 0.71, \"ci\": {\"low\":"
                + " 0.6, \"high\": 0.8}}}}}}, {\"dimension\": \"tone\", \"judge\": {\"vs_humans\": {\"statistics\":"
                + " {\"kappa_quadratic\": {\"value\": {\"undefined\": \"one category\"}}}}}}]}");
        Files.writeString(dir.resolve("evidence/score-distribution.json"), "{\"dimensions\": [{\"dimension\": \"accuracy\","
                + " \"levels\": [1, 2, 3], \"counts\": [5, 10, 5]}]}");
        Baseline b = BundleBaseline.read(dir);
        assertThat(b.verdict()).contains("VALIDATED");
        assertThat(b.agreement().get("accuracy")).isEqualTo(new Baseline.Agreement(0.71, 0.6, 0.8));
        assertThat(b.notes()).singleElement().asString().contains("tone has no judge kappa");
        assertThat(b.scores().get("accuracy").counts()).containsExactly(5, 10, 5);
        Baseline again = BaselineJson.read(BaselineJson.write(b));
        assertThat(again.agreement()).isEqualTo(b.agreement());
        assertThat(again.scores().get("accuracy").levels()).containsExactly(1, 2, 3);
        assertThat(again.notes()).isEqualTo(b.notes());
    }

    @Test
    void aBundleWithoutTheScoreDistributionGivesANoteNotAFailure() throws Exception {
        Files.createDirectories(dir.resolve("evidence"));
        Files.writeString(dir.resolve("evidence/verdict.json"), "{\"status\": \"UNVALIDATED\"}");
        Files.writeString(dir.resolve("evidence/agreement.json"), "{\"computed\": false, \"reason\": \"no labels\"}");
        Baseline b = BundleBaseline.read(dir);
        assertThat(b.scores()).isEmpty();
        assertThat(b.notes()).anySatisfy(n -> assertThat(n).contains("no evidence/score-distribution.json"))
                .anySatisfy(n -> assertThat(n).contains("not computed at export: no labels"));
    }

    @Test
    void aBrokenFileIsNamed() throws Exception {
        Files.createDirectories(dir.resolve("evidence"));
        Files.writeString(dir.resolve("evidence/verdict.json"), "{\"status\": ");
        assertThatThrownBy(() -> BundleBaseline.read(dir)).isInstanceOf(WatchInputException.class)
                .hasMessageContaining("verdict.json: not JSON");
    }
}
