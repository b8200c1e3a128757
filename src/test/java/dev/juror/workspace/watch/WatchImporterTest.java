package dev.juror.workspace.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.juror.judge.testserver.DummyAwsCredentials;
import dev.juror.store.Workspace;
import dev.juror.testing.watch.JurorRecords;
import dev.juror.testing.watch.LoopbackCloudWatchLogs;
import dev.juror.watch.CloudWatchLogEvents;
import dev.juror.watch.Placement;
import dev.juror.watch.WatchFileKind;
import dev.juror.watch.WatchInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch import use case on a real workspace: placement by invocation order, then by timestamp
 * once metrics arrive; idempotent re-import; a file refused whole; CloudWatch paging.
 */
@ExtendWith(DummyAwsCredentials.class)
class WatchImporterTest {

    private static final Instant T0 = Instant.parse("2026-12-08T03:00:00Z");

    @TempDir
    Path tmp;

    private Workspace workspace;
    private WatchImporter importer;

    @BeforeEach
    void open() {
        workspace = Workspace.open(tmp.resolve("ws"));
        importer = new WatchImporter(workspace);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    /** {@code n} records one second apart, shuffled in the file so order comes from the timestamps. */
    private Path records(String name, String bundle, int n, int firstSecond) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int second = firstSecond + (i % 2 == 0 ? i + 1 : i - 1 < 0 ? 0 : i - 1);
            lines.add(JurorRecords.record(bundle, "s" + second, T0.plusSeconds(second), 0.5, -1));
        }
        Path file = tmp.resolve(name);
        Files.write(file, lines);
        return file;
    }

    private WatchImportSummary importFile(Path file, int callsPerStep) {
        return importer.importFile("rft-1", file, file.getFileName().toString(), new WatchImportOptions(
                Optional.empty(), callsPerStep > 0 ? OptionalInt.of(callsPerStep) : OptionalInt.empty()));
    }

    @Test
    void invocationOrderThenTimestampOnceMetricsArriveAndReimportAddsNothing() throws Exception {
        Path rewards = records("rewards.jsonl", JurorRecords.BUNDLE, 8, 0);
        WatchImportSummary first = importFile(rewards, 4);
        assertThat(first.kind()).isEqualTo(WatchFileKind.RECORDS);
        assertThat(first.read()).isEqualTo(8);
        assertThat(first.added()).isEqualTo(8);
        assertThat(first.placement()).isEqualTo(Placement.INVOCATION_ORDER);
        assertThat(first.stats().firstStep()).hasValue(1);
        assertThat(first.stats().lastStep()).hasValue(2);
        assertThat(first.bundle()).contains(JurorRecords.BUNDLE);

        WatchImportSummary again = importFile(rewards, 0);
        assertThat(again.added()).isZero();
        assertThat(again.moved()).isZero();
        assertThat(again.stats().records()).isEqualTo(8);

        // Step 1 ended at second 2, step 2 at second 5, step 3 at second 7: records of seconds 0-7 move.
        Path metrics = tmp.resolve("train.log");
        Files.write(metrics, List.of(
                T0.plusSeconds(2) + " step:1 - critic/rewards/mean:0.4",
                T0.plusSeconds(5) + " step:2 - critic/rewards/mean:0.5",
                T0.plusSeconds(7) + " step:3 - critic/rewards/mean:0.6"));
        WatchImportSummary placed = importFile(metrics, 0);
        assertThat(placed.kind()).isEqualTo(WatchFileKind.METRICS);
        assertThat(placed.placement()).isEqualTo(Placement.TIMESTAMP);
        assertThat(placed.stats().metricSteps()).isEqualTo(3);
        assertThat(placed.stats().lastStep()).hasValue(3);
        assertThat(placed.moved()).isPositive();
        assertThat(importFile(metrics, 0).moved()).isZero();
    }

    @Test
    void aNamedBundleBindsTheRunAndRefusesRecordsOfAnotherBundle() throws Exception {
        String other = "sha256:" + "ab".repeat(32);
        WatchImportOptions namingOther = new WatchImportOptions(Optional.empty(), OptionalInt.of(4), Optional.of(other));
        Path rewards = records("rewards.jsonl", JurorRecords.BUNDLE, 8, 0);
        assertThatThrownBy(() -> importer.importFile("rft-1", rewards, "rewards.jsonl", namingOther))
                .isInstanceOf(WatchInputException.class)
                .hasMessageContaining("record of bundle " + JurorRecords.BUNDLE)
                .hasMessageContaining("holds the records of bundle " + other);
        assertThat(new WatchRuns(workspace).list()).allSatisfy(l -> assertThat(l.stats().records()).isZero());

        WatchImportOptions namingItsOwn = new WatchImportOptions(Optional.empty(), OptionalInt.of(4),
                Optional.of(JurorRecords.BUNDLE));
        assertThat(importer.importFile("rft-1", rewards, "rewards.jsonl", namingItsOwn).added()).isEqualTo(8);
        assertThatThrownBy(() -> importer.importFile("rft-1", rewards, "rewards.jsonl", namingOther))
                .isInstanceOf(WatchInputException.class)
                .hasMessageContaining("--bundle names bundle " + other);
    }

    @Test
    void recordsWithTheirOwnStepKeepIt() throws Exception {
        Path file = tmp.resolve("stepped.jsonl");
        Files.write(file, List.of(JurorRecords.record(JurorRecords.BUNDLE, "a", T0, 0.5, 7),
                JurorRecords.record(JurorRecords.BUNDLE, "b", T0, 0.5, 9)));
        WatchImportSummary s = importFile(file, 0);
        assertThat(s.placement()).isEqualTo(Placement.RECORD);
        assertThat(s.stats().firstStep()).hasValue(7);
        assertThat(s.stats().lastStep()).hasValue(9);
    }

    @Test
    void recordsWithoutStepNeedCallsPerStepOrMetrics() throws Exception {
        Path file = records("rewards.jsonl", JurorRecords.BUNDLE, 3, 0);
        assertThatThrownBy(() -> importFile(file, 0)).isInstanceOf(WatchInputException.class)
                .hasMessageContaining("--calls-per-step");
        assertThat(workspaceRecords()).isZero();
    }

    @Test
    void aRecordOfAnotherBundleRefusesItsWholeFile() throws Exception {
        importFile(records("first.jsonl", JurorRecords.BUNDLE, 4, 0), 4);
        Path mixed = tmp.resolve("mixed.jsonl");
        Files.write(mixed, List.of(JurorRecords.record(JurorRecords.BUNDLE, "new", T0.plusSeconds(50), 0.5, -1),
                JurorRecords.record("sha256:other", "x", T0.plusSeconds(51), 0.5, -1)));
        assertThatThrownBy(() -> importFile(mixed, 0)).isInstanceOf(WatchInputException.class)
                .hasMessageStartingWith("mixed.jsonl:2: record of bundle sha256:other, but training run rft-1 holds");
        assertThat(workspaceRecords()).isEqualTo(4);
    }

    @Test
    void skippedLinesAreCountedInTheSummary() throws Exception {
        Path file = records("rewards.jsonl", JurorRecords.BUNDLE, 2, 0);
        String whole = JurorRecords.record(JurorRecords.BUNDLE, "z", T0, 0.5, -1);
        Files.writeString(file, Files.readString(file) + whole.substring(0, 40) + "\nnot json\n");
        WatchImportSummary s = importFile(file, 2);
        assertThat(s.added()).isEqualTo(2);
        assertThat(s.skips()).containsExactly("skipped 1 truncated lines (rewards.jsonl:3)",
                "skipped 1 lines that are not JSON (rewards.jsonl:4)");
    }

    @Test
    void logGroupIsReadPageByPageFromCloudWatchLogs() throws Exception {
        List<String> messages = new ArrayList<>();
        messages.add("START RequestId: 1");
        for (int i = 0; i < 7; i++) {
            Instant at = T0.plusSeconds(i);
            messages.add(JurorRecords.emf(JurorRecords.record(JurorRecords.BUNDLE, "s" + i, at, 0.5, -1), at, 0.5));
        }
        try (LoopbackCloudWatchLogs logs = LoopbackCloudWatchLogs.start(messages, 3, T0.toEpochMilli())) {
            CloudWatchLogEvents.Source source = new CloudWatchLogEvents.Source("/aws/lambda/juror-reward",
                    Optional.of(T0), "us-east-1", Optional.empty(), Optional.of(logs.endpoint()));
            WatchImportSummary s = importer.importLogGroup("rft-1", source,
                    new WatchImportOptions(Optional.empty(), OptionalInt.of(4)));
            assertThat(s.read()).isEqualTo(7);
            assertThat(s.added()).isEqualTo(7);
            assertThat(s.stats().lastStep()).hasValue(2);
            assertThat(s.skipped()).containsEntry(dev.juror.watch.Skips.Reason.PLATFORM, 1);
            assertThat(logs.requests()).hasSize(3);
            assertThat(logs.requests().get(0).has("nextToken")).isFalse();
            assertThat(logs.requests().get(1).get("nextToken").asText()).isEqualTo("page-1");
            assertThat(logs.requests().get(2).get("nextToken").asText()).isEqualTo("page-2");
            assertThat(logs.requests().get(0).get("logGroupName").asText()).isEqualTo("/aws/lambda/juror-reward");
            assertThat(logs.requests().get(0).get("startTime").asLong()).isEqualTo(T0.toEpochMilli());
            assertThat(logs.targets()).allMatch(t -> t.endsWith(".FilterLogEvents"));
        }
    }

    private long workspaceRecords() {
        return new WatchRuns(workspace).list().stream().mapToLong(l -> l.stats().records()).sum();
    }
}
