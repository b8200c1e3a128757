package dev.juror.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.juror.testing.watch.JurorRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every shape reward records come in, and what happens to lines that hold none. */
class RewardRecordReaderTest {

    private static final Instant T0 = Instant.parse("2026-12-08T03:00:00.123456Z");

    @TempDir
    Path tmp;

    private final List<RewardRecord> read = new ArrayList<>();

    private RewardRecordReader readFile(String name, String... lines) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        RewardRecordReader reader = new RewardRecordReader(read::add);
        reader.readFile(file, name);
        return reader;
    }

    private static String record(String id, int step) {
        return JurorRecords.record(JurorRecords.BUNDLE, id, T0, 0.75, step);
    }

    @Test
    void jsonlOfJurorObjectsGivesEveryField() throws Exception {
        readFile("r.jsonl", record("s1", 3), record("s2", -1));
        assertThat(read).hasSize(2);
        RewardRecord r = read.getFirst();
        assertThat(r.bundle()).isEqualTo(JurorRecords.BUNDLE);
        assertThat(r.rubricVersion()).isEqualTo("r-3f2a");
        assertThat(r.timestamp()).isEqualTo(T0);
        assertThat(r.reward()).isEqualTo(0.75);
        assertThat(r.metrics()).containsEntry("accuracy", 0.75).containsEntry("coverage", 0.5);
        assertThat(r.comments()).isEqualTo(4);
        assertThat(r.latencyMs()).isEqualTo(2310);
        assertThat(r.inputTokens()).isEqualTo(5120);
        assertThat(r.outputTokens()).isEqualTo(412);
        assertThat(r.predictionChars()).isEqualTo(1834);
        assertThat(r.judgeError()).isEmpty();
        assertThat(r.step()).hasValue(3);
        assertThat(r.source()).isEqualTo("r.jsonl:1");
        assertThat(read.get(1).step()).isEmpty();
    }

    @Test
    void cloudWatchExportLinesWithPlatformLinesTruncatedAndNonJson() throws Exception {
        String emf = JurorRecords.emf(record("s1", -1), T0, 0.75);
        RewardRecordReader reader = readFile("export.log",
                "2026-12-08T03:00:00.000Z START RequestId: 1f Version: $LATEST",
                "2026-12-08T03:00:01.000Z " + emf,
                "2026-12-08T03:00:01.500Z " + emf.substring(0, emf.length() / 2),
                "2026-12-08T03:00:02.000Z Picked up JAVA_TOOL_OPTIONS",
                "2026-12-08T03:00:02.100Z {\"level\":\"INFO\",\"message\":\"primed\"}",
                "2026-12-08T03:00:03.000Z END RequestId: 1f",
                "2026-12-08T03:00:03.000Z REPORT RequestId: 1f Duration: 2000 ms",
                "");
        assertThat(read).hasSize(1);
        assertThat(read.getFirst().source()).isEqualTo("export.log:2");
        assertThat(reader.skips().count(Skips.Reason.TRUNCATED)).isEqualTo(1);
        assertThat(reader.skips().places(Skips.Reason.TRUNCATED)).containsExactly("export.log:3");
        assertThat(reader.skips().count(Skips.Reason.NOT_JSON)).isEqualTo(1);
        assertThat(reader.skips().count(Skips.Reason.NO_RECORD)).isEqualTo(1);
        assertThat(reader.skips().count(Skips.Reason.PLATFORM)).isEqualTo(3);
        assertThat(reader.skips().sentences()).contains("skipped 1 truncated lines (export.log:3)");
    }

    @Test
    void bareEmfLinesAreRead() throws Exception {
        readFile("emf.jsonl", JurorRecords.emf(record("s1", -1), T0, 0.75));
        assertThat(read).singleElement().satisfies(r -> assertThat(r.sampleId()).isEqualTo("s1"));
    }

    @Test
    void filterLogEventsDocumentIsStreamedEventByEvent() throws Exception {
        String m1 = JurorRecords.emf(record("s1", -1), T0, 0.75).replace("\"", "\\\"");
        String m2 = JurorRecords.emf(record("s2", -1), T0, 0.5).replace("\"", "\\\"");
        readFile("events.json", "{", "    \"events\": [", "        {", "            \"logStreamName\": \"2026/12/08/[$LATEST]ab\",",
                "            \"timestamp\": 1765162800123,", "            \"message\": \"" + m1 + "\",",
                "            \"eventId\": \"1\"", "        },", "        {", "            \"message\": \"" + m2 + "\"",
                "        }", "    ],", "    \"searchedLogStreams\": []", "}");
        assertThat(read).extracting(RewardRecord::sampleId).containsExactly("s1", "s2");
        assertThat(read.getFirst().source()).startsWith("events.json:");
    }

    @Test
    void aBadFieldRefusesNamingFileLineAndField() {
        String bad = record("s1", -1).replace("\"reward\":0.7500", "\"reward\":\"high\"");
        assertThatThrownBy(() -> readFile("bad.jsonl", record("s0", -1), bad))
                .isInstanceOf(WatchInputException.class).hasMessage("bad.jsonl:2: field 'reward': not a finite number");
        String missing = record("s1", -1).replace("\"latency_ms\":2310,", "");
        assertThatThrownBy(() -> readFile("missing.jsonl", missing))
                .hasMessage("missing.jsonl:1: field 'latency_ms' is missing from the juror record");
    }

    @Test
    void aTruncatedFilterLogEventsDocumentIsRefused() {
        assertThatThrownBy(() -> readFile("cut.json", "{", "  \"events\": [", "    {\"message\": \"{}\"},"))
                .isInstanceOf(WatchInputException.class).hasMessageContaining("cut.json:")
                .hasMessageContaining("truncated");
    }
}
