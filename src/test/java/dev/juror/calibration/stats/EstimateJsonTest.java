package dev.juror.calibration.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EstimateJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void definedIsANumberUndefinedIsAnObjectWithTheReason() throws Exception {
        Map<String, Estimate> m = new LinkedHashMap<>();
        m.put("kappa", Estimate.of(0.5));
        m.put("pearson", Estimate.undefined("rater A gave every item the same score"));
        assertThat(json.writeValueAsString(m))
                .isEqualTo("{\"kappa\":0.5,\"pearson\":{\"undefined\":\"rater A gave every item the same score\"}}");
    }

    @Test
    void intervalsSerialiseWithMethodLevelAndResamples() throws Exception {
        Interval bounds = new Interval.Bounds(0.1, 0.9, Interval.BCA, 0.95, 2000, 3);
        assertThat(json.writeValueAsString(bounds)).isEqualTo(
                "{\"low\":0.1,\"high\":0.9,\"method\":\"bca\",\"level\":0.95,\"resamples\":2000,\"undefined_resamples\":3}");
        assertThat(json.writeValueAsString(new Interval.Unavailable(Interval.BCA, "why")))
                .isEqualTo("{\"undefined\":\"why\",\"method\":\"bca\"}");
    }

    @Test
    void definedRejectsNaNAndOfFiniteTurnsItIntoUndefined() {
        assertThatThrownBy(() -> Estimate.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Estimate.ofFinite(Double.POSITIVE_INFINITY, "overflow")).isEqualTo(Estimate.undefined("overflow"));
        assertThatThrownBy(() -> Estimate.undefined("x").value()).hasMessageContaining("x");
    }
}
