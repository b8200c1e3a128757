package dev.juror.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.testing.watch.JurorRecords;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The token-stream reader gives what the tree reader gives for every well-formed record, and gives
 * up (null: the line goes the general way, which names the problem) on anything else.
 */
class FastRecordParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-12-08T03:00:00.123Z");

    private static String good() {
        return JurorRecords.record(JurorRecords.BUNDLE, "s-1", T0, 0.75, -1);
    }

    /** The good record with more members at its end. */
    private static String withTail(String line, String members) {
        return line.substring(0, line.length() - 1) + "," + members + "}";
    }

    private static RewardRecord general(String line) throws Exception {
        JsonNode node = JSON.readTree(line);
        return RewardRecordParser.parse(node.has("juror") ? node.get("juror") : node, "f:1");
    }

    private static void assertSame(String line) throws Exception {
        RewardRecord fast = FastRecordParser.parse(line, "f:1");
        assertThat(fast).as(line).isNotNull();
        RewardRecord slow = general(line);
        assertThat(fast).usingRecursiveComparison().ignoringFields("metricsJson").isEqualTo(slow);
        assertThat(JSON.readTree(fast.metricsJson())).isEqualTo(JSON.readTree(slow.metricsJson()));
    }

    @Test
    void wellFormedRecordsReadAsTheTreeReadsThem() throws Exception {
        assertSame(good());
        assertSame(JurorRecords.record(JurorRecords.BUNDLE, "s-2", T0, 1, 12));
        assertSame(JurorRecords.emf(good(), T0, 0.75));
        assertSame(withTail(good().replace("\"checks\":[]", "\"checks\":[\"injection.hidden\",\"copy\"]")
                .replace("\"judge_error\":null", "\"judge_error\":\"Throttling\"")
                .replace("\"metrics\":{", "\"metrics\":{\"n\":3,"),
                "\"prediction\":\"text \\\"quoted\\\" é\",\"extra\":{\"a\":[1,{}]},\"step\":null"));
        assertSame(good().replace("2026-12-08T03:00:00.123Z", "2026-12-08T04:00:00.123+01:00"));
    }

    @Test
    void anythingElseGoesTheGeneralWay() {
        List<String> lines = List.of(
                good().replace("\"reward\":0.7500", "\"reward\":\"0.75\""),
                good().replace(",\"latency_ms\":2310", ""),
                good().replace("\"latency_ms\":2310", "\"latency_ms\":-1"),
                good().replace("\"latency_ms\":2310", "\"latency_ms\":23.5"),
                good().replace("\"sample_id\":\"s-1\"", "\"sample_id\":\" \""),
                good().replace("\"fallback\":false", "\"fallback\":0"),
                good().replace("\"checks\":[]", "\"checks\":[1]"),
                good().replace("\"coverage\":0.5", "\"coverage\":null"),
                good().replace("\"coverage\":0.5", "\"coverage\":0.5,\"coverage\":0.6"),
                good().replace("\"comments\":4", "\"comments\":4,\"comments\":5"),
                withTail(good(), "\"step\":-2"),
                withTail(good(), "\"step\":1.5"),
                good().replace("2026-12-08T03:00:00.123Z", "yesterday"),
                good() + " {}",
                good().substring(0, 100),
                "{\"juror\": 3}",
                "{\"_aws\": {}}",
                "[1, 2]");
        for (String line : lines) {
            assertThat(FastRecordParser.parse(line, "f:1")).as(line).isNull();
        }
    }
}
