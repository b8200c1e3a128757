package dev.juror.workspace.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.juror.dataset.ImportBatch;
import dev.juror.dataset.LineError;
import dev.juror.dataset.RolloutAddition;
import dev.juror.dataset.RolloutInput;
import dev.juror.dataset.SampleInput;
import dev.juror.store.Batches;
import dev.juror.store.ImportRepository;
import dev.juror.store.RolloutRepository;
import dev.juror.store.SampleRepository;
import dev.juror.store.StoreException;
import dev.juror.store.StoredComment;
import dev.juror.store.StoredRollout;
import dev.juror.store.Workspace;
import dev.juror.store.WorkspaceStats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {

    @TempDir
    Path temp;

    private Workspace workspace;
    private Importer importer;

    @BeforeEach
    void open() {
        workspace = Workspace.open(temp.resolve("ws"));
        importer = new Importer(workspace);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void documentsSharedBySamplesAndRolloutsAreStoredOnce() {
        ImportResult result = importer.importBatch(Batches.samples(10, 8), ImportOptions.refuseInvalid());

        assertThat(result.status()).isEqualTo(ImportResult.Status.IMPORTED);
        assertThat(result.samplesAdded()).isEqualTo(10);
        assertThat(result.rolloutsAdded()).isEqualTo(80);
        assertThat(result.commentsAdded()).isEqualTo(160);
        assertThat(result.documentsAdded()).isEqualTo(3); // system prompt, contract, guideline
        WorkspaceStats stats = workspace.stats();
        assertThat(stats.documents()).isEqualTo(3);
        assertThat(stats.documentBytes()).isEqualTo(utf8("You review contracts.") + utf8(Batches.CONTRACT)
                + utf8(Batches.GUIDELINE));
    }

    @Test
    void aLaterImportReusesDocumentsAlreadyStored() {
        importer.importBatch(Batches.samples(2, 1), ImportOptions.refuseInvalid());
        SampleInput sameContract = Batches.sample("other", 1, new String(Batches.CONTRACT.toCharArray()),
                List.of(Batches.rollout("m", "c1")));

        ImportResult result = importer.importBatch(Batches.batch(List.of(sameContract), List.of(), List.of()),
                ImportOptions.refuseInvalid());

        assertThat(result.documentsAdded()).isZero();
        assertThat(result.documentsReused()).isEqualTo(3);
        assertThat(workspace.stats().documents()).isEqualTo(3);
    }

    @Test
    void aBatchWithABadLineIsRefusedWholeAndChangesNothing() {
        importer.importBatch(Batches.samples(2, 2), ImportOptions.refuseInvalid());
        WorkspaceStats before = workspace.stats();
        List<SampleInput> good = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            good.add(Batches.sample("new" + i, i + 2, "Contract " + i, List.of(Batches.rollout("m", "c1"))));
        }
        ImportBatch batch = Batches.batch(good, List.of(),
                List.of(new LineError(9, "not valid JSON"), new LineError(1, "missing id")));

        ImportResult result = importer.importBatch(batch, ImportOptions.refuseInvalid());

        assertThat(result.refused()).isTrue();
        assertThat(result.errors()).extracting(LineError::line).containsExactly(1, 9);
        assertThat(result.errorCount()).isEqualTo(2);
        assertThat(result.samplesAdded()).isZero();
        assertThat(result.rolloutsAdded()).isZero();
        assertSameContents(workspace.stats(), before);
        assertThat(importRows()).isEqualTo(1);
        assertThat(result.summaryLines().get(0)).contains("Refused", "2 bad lines", "nothing was imported");
    }

    @Test
    void aRefusalListsTheFirstFiftyBadLinesAndCountsThemAll() {
        List<LineError> errors = new ArrayList<>();
        for (int line = 120; line >= 1; line--) {
            errors.add(new LineError(line, "bad " + line));
        }
        ImportResult result = importer.importBatch(Batches.batch(List.of(), List.of(), errors),
                ImportOptions.refuseInvalid());

        assertThat(result.errorCount()).isEqualTo(120);
        assertThat(result.errors()).hasSize(ImportResult.MAX_LISTED_ERRORS);
        assertThat(result.errors().get(0)).isEqualTo(new LineError(1, "bad 1"));
        assertThat(result.errors().get(49).line()).isEqualTo(50);
        assertThat(result.summaryLines()).last().asString().contains("70 more");
    }

    @Test
    void skipInvalidImportsTheGoodLinesAndWritesAReportInTheWorkspace() throws Exception {
        ImportBatch batch = Batches.batch(List.of(
                        Batches.sample("a", 1, "Contract A", List.of(Batches.rollout("m", "c1"))),
                        Batches.sample("b", 3, "Contract B", List.of(Batches.rollout("m", "c1")))),
                List.of(), List.of(new LineError(2, "reference_answer is not JSON")));

        ImportResult result = importer.importBatch(batch, ImportOptions.skipInvalidLines());

        assertThat(result.status()).isEqualTo(ImportResult.Status.IMPORTED_SKIPPING_INVALID);
        assertThat(result.samplesAdded()).isEqualTo(2);
        assertThat(workspace.stats().samples()).isEqualTo(2);
        Path report = result.report().orElseThrow();
        assertThat(report).startsWith(workspace.directory().resolve("import-reports")).exists();
        assertThat(report.getFileName().toString()).startsWith("samples.jsonl-").endsWith("-skipped.txt");
        List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
        assertThat(lines).contains("line 2: reference_answer is not JSON");
        assertThat(lines).anyMatch(l -> l.startsWith("# source: ") && l.endsWith("samples.jsonl"));
        try (Stream<Path> files = Files.list(report.getParent())) {
            assertThat(files).containsExactly(report); // the temporary file was moved, not copied
        }
    }

    @Test
    void skipInvalidWritesTheReportWhereAsked() throws Exception {
        Path wanted = temp.resolve("reports/skipped.txt");
        ImportBatch batch = Batches.batch(List.of(Batches.sample("a", 2, "A", List.of())), List.of(),
                List.of(new LineError(1, "empty line")));

        ImportResult result = importer.importBatch(batch, ImportOptions.skipInvalidLines(wanted));

        assertThat(result.report()).contains(wanted.toAbsolutePath());
        assertThat(Files.readString(wanted)).contains("line 1: empty line");
    }

    @Test
    void aReportThatCannotBeWrittenStopsTheImport() throws Exception {
        Path blocker = Files.writeString(temp.resolve("file"), "x");
        ImportBatch batch = Batches.batch(List.of(Batches.sample("a", 2, "A", List.of())), List.of(),
                List.of(new LineError(1, "empty line")));

        assertThatThrownBy(() -> importer.importBatch(batch, ImportOptions.skipInvalidLines(blocker.resolve("r.txt"))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("report");
        assertThat(workspace.stats().samples()).isZero();
        assertThat(importRows()).isZero();
    }

    @Test
    void importingTheSameFileTwiceChangesNothing() {
        importer.importBatch(Batches.samples(5, 3), ImportOptions.refuseInvalid());
        WorkspaceStats before = workspace.stats();

        ImportResult again = importer.importBatch(Batches.samples(5, 3), ImportOptions.refuseInvalid());

        assertThat(again.status()).isEqualTo(ImportResult.Status.IMPORTED);
        assertThat(again.samplesAdded()).isZero();
        assertThat(again.samplesUnchanged()).isEqualTo(5);
        assertThat(again.rolloutsAdded()).isZero();
        assertSameContents(workspace.stats(), before);
    }

    @Test
    void metadataKeyOrderDoesNotMakeASampleDifferent() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", List.of("x", "y"));
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", List.of("x", "y"));
        ba.put("a", 1);
        importer.importBatch(Batches.batch(List.of(withMetadata(ab)), List.of(), List.of()), ImportOptions.refuseInvalid());

        ImportResult again = importer.importBatch(Batches.batch(List.of(withMetadata(ba)), List.of(), List.of()),
                ImportOptions.refuseInvalid());

        assertThat(again.samplesUnchanged()).isEqualTo(1);
        assertThat(again.errorCount()).isZero();
    }

    @Test
    void aStoredSampleIdWithDifferentContentIsRefusedNamingLineAndId() {
        importer.importBatch(Batches.samples(3, 1), ImportOptions.refuseInvalid());
        WorkspaceStats before = workspace.stats();
        SampleInput changed = Batches.sample("s2", 7, Batches.CONTRACT + "3. Governing law: Delaware.\n",
                List.of(Batches.rollout("nova-lite-0", "c1", "c2")));
        SampleInput fresh = Batches.sample("s9", 8, "Another contract", List.of());

        ImportResult result = importer.importBatch(Batches.batch(List.of(changed, fresh), List.of(), List.of()),
                ImportOptions.refuseInvalid());

        assertThat(result.refused()).isTrue();
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(7);
            assertThat(error.reason()).contains("\"s2\"", "already in the workspace with different content",
                    "samples.jsonl line 2");
        });
        assertSameContents(workspace.stats(), before);
    }

    @Test
    void aSampleWhoseRolloutsChangedIsAlsoDifferentContent() {
        importer.importBatch(Batches.samples(1, 2), ImportOptions.refuseInvalid());
        SampleInput oneMoreRollout = Batches.sample("s1", 1, Batches.CONTRACT, List.of(
                Batches.rollout("nova-lite-0", "c1", "c2"), Batches.rollout("nova-lite-1", "c1", "c2"),
                Batches.rollout("nova-lite-2", "c1")));

        ImportResult result = importer.importBatch(Batches.batch(List.of(oneMoreRollout), List.of(), List.of()),
                ImportOptions.refuseInvalid());

        assertThat(result.refused()).isTrue();
    }

    @Test
    void aSampleIdRepeatedInOneFileWithDifferentContentIsRefused() {
        ImportBatch batch = Batches.batch(List.of(Batches.sample("x", 1, "A", List.of()),
                Batches.sample("x", 4, "B", List.of())), List.of(), List.of());

        ImportResult result = importer.importBatch(batch, ImportOptions.refuseInvalid());

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(4);
            assertThat(error.reason()).contains("\"x\"", "line 1");
        });
    }

    @Test
    void rolloutsForAnUnknownSampleAreRefusedWithTheirLine() {
        importer.importBatch(Batches.samples(1, 1), ImportOptions.refuseInvalid());
        ImportBatch additions = Batches.batch(List.of(), List.of(
                new RolloutAddition("s1", Batches.rollout("m2", "c1"), 1),
                new RolloutAddition("nope", Batches.rollout("m2", "c1"), 2)), List.of());

        ImportResult result = importer.importBatch(additions, ImportOptions.refuseInvalid());

        assertThat(result.refused()).isTrue();
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.reason()).contains("\"nope\"", "not in the workspace");
        });
        assertThat(workspace.stats().rollouts()).isEqualTo(1);
    }

    @Test
    void rolloutsAreAppendedAfterTheSampleOwnAndAReimportAddsNothing() {
        importer.importBatch(Batches.samples(2, 2), ImportOptions.refuseInvalid());
        ImportBatch additions = Batches.batch(List.of(), List.of(
                new RolloutAddition("s1", Batches.rollout("m2", "c1"), 1),
                new RolloutAddition("s1", Batches.rollout("m2", "c1"), 2), // the policy repeated itself
                new RolloutAddition("s2", Batches.rollout("m3", "c1", "c2", "c3"), 3)), List.of());

        ImportResult first = importer.importBatch(additions, ImportOptions.refuseInvalid());
        ImportResult second = importer.importBatch(additions, ImportOptions.refuseInvalid());

        assertThat(first.rolloutsAdded()).isEqualTo(3);
        assertThat(first.commentsAdded()).isEqualTo(5);
        assertThat(second.rolloutsAdded()).isZero();
        assertThat(second.rolloutsUnchanged()).isEqualTo(3);
        RolloutRepository rollouts = new RolloutRepository(workspace);
        assertThat(rollouts.ofSample("s1")).extracting(StoredRollout::index).containsExactly(0, 1, 2, 3);
        assertThat(rollouts.ofSample("s1")).extracting(StoredRollout::model)
                .containsExactly("nova-lite-0", "nova-lite-1", "m2", "m2");
        assertThat(rollouts.ofSample("s2")).extracting(StoredRollout::index).containsExactly(0, 1, 2);
    }

    @Test
    void anUnparseablePredictionIsStoredWithItsParseError() {
        SampleInput sample = Batches.sample("s", 1, "A", List.of(new RolloutInput("I think the contract is fine.",
                Map.of())));

        ImportResult result = importer.importBatch(Batches.batch(List.of(sample), List.of(), List.of()),
                ImportOptions.refuseInvalid());

        assertThat(result.unparsedPredictions()).isEqualTo(1);
        StoredRollout rollout = new RolloutRepository(workspace).ofSample("s").get(0);
        assertThat(rollout.isParsed()).isFalse();
        assertThat(rollout.parseError()).startsWith("not valid JSON");
        assertThat(rollout.prediction()).isEqualTo("I think the contract is fine.");
        assertThat(rollout.comments()).isEmpty();
        assertThat(rollout.model()).isEmpty();
    }

    @Test
    void repeatedCommentIdsInOnePredictionAreAllKeptInOrderUnderUniqueIds() {
        SampleInput sample = Batches.sample("s", 1, "A", List.of(Batches.rollout("m", "c1", "c1", "c2")));

        importer.importBatch(Batches.batch(List.of(sample), List.of(), List.of()), ImportOptions.refuseInvalid());

        List<StoredComment> comments = new RolloutRepository(workspace).ofSample("s").get(0).comments();
        // The raw prediction keeps the repeat (the format check punishes it); the parsed comments get
        // unique ids (PredictionParser renames the second "c1"), so judge scores map without ambiguity.
        assertThat(comments).extracting(StoredComment::commentId).containsExactly("c1", "c1-2", "c2");
        assertThat(comments).extracting(StoredComment::position).containsExactly(0, 1, 2);
    }

    @Test
    void aSqlFailureMidImportRollsEverythingBack() throws Exception {
        importer.importBatch(Batches.samples(1, 1), ImportOptions.refuseInvalid());
        WorkspaceStats before = workspace.stats();
        // A real SQL failure deep into the import: more than 1,000 comment rows are written first.
        try (Connection c = workspace.connection();
             PreparedStatement alter = c.prepareStatement(
                     "ALTER TABLE comments ADD CONSTRAINT test_no_boom CHECK (comment_id <> 'BOOM')")) {
            alter.execute();
        }
        List<SampleInput> samples = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String last = i == 290 ? "BOOM" : "c3";
            samples.add(Batches.sample("x" + i, i + 1, "Contract " + i, List.of(
                    Batches.rollout("m", "c1", "c2", last), Batches.rollout("m", "c1", "c2", "c3"))));
        }

        assertThatThrownBy(() -> importer.importBatch(Batches.batch(samples, List.of(), List.of()),
                ImportOptions.refuseInvalid()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("rolled back");

        assertSameContents(workspace.stats(), before);
        assertThat(importRows()).isEqualTo(1);
        assertThat(new SampleRepository(workspace).find("x0")).isEmpty();
    }

    @Test
    void overLongValuesAreLineErrorsNotSqlFailures() {
        SampleInput longId = Batches.sample("i".repeat(600), 1, "A", List.of());
        SampleInput hugePrediction = Batches.sample("ok", 2, "A",
                List.of(new RolloutInput("x".repeat(ImportRepository.MAX_TEXT_CHARS + 1), Map.of())));

        SampleInput hugeAnswer = new SampleInput("ok2", "", "A", "", "y".repeat(ImportRepository.MAX_TEXT_CHARS + 1),
                Map.of(), List.of(), 3);

        ImportResult result = importer.importBatch(Batches.batch(List.of(longId, hugePrediction, hugeAnswer),
                List.of(), List.of()), ImportOptions.refuseInvalid());

        assertThat(result.errors()).extracting(LineError::line).containsExactly(1, 2, 3);
        assertThat(result.errors().get(1).reason()).contains("rollout 1", "prediction", "limit");
        assertThat(result.errors().get(2).reason()).contains("reference_answer", "limit");
    }

    private SampleInput withMetadata(Map<String, Object> metadata) {
        return new SampleInput("m1", "", "A", "", null, metadata, List.of(), 1);
    }

    private int importRows() {
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM imports");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Same rows; the database file itself may grow (an audit row, MVStore chunks). */
    private static void assertSameContents(WorkspaceStats actual, WorkspaceStats expected) {
        assertThat(actual).usingRecursiveComparison().ignoringFields("databaseBytes").isEqualTo(expected);
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
