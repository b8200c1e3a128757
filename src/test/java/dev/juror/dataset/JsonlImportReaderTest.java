package dev.juror.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlImportReaderTest {

    @TempDir
    Path dir;

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(JsonlImportReaderTest.class.getResource("/dataset/" + name).toURI());
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("in.jsonl");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private ImportBatch readLines(String... lines) throws IOException {
        return JsonlImportReader.read(write(String.join("\n", lines) + "\n"));
    }

    private static final String GOOD = "{\"id\":\"s1\",\"target_document\":\"The Supplier may terminate at will.\"}";

    // ---- happy paths -------------------------------------------------------------------------

    @Test
    void readsJurorSamplesWithDocumentFilesAndRollouts() throws Exception {
        ImportBatch batch = JsonlImportReader.read(fixture("juror-samples.jsonl"));

        assertThat(batch.errors()).isEmpty();
        assertThat(batch.format()).isEqualTo(ImportFormat.JUROR);
        assertThat(batch.linesRead()).isEqualTo(3);
        assertThat(batch.samples()).extracting(SampleInput::id)
                .containsExactly("agape-termination", "agape-short-inline", "agape-no-reference");

        SampleInput first = batch.samples().get(0);
        assertThat(first.targetDocument()).isEqualTo(Files.readString(fixture("docs/agape-indemnity-termination.txt")));
        assertThat(first.referenceDocument()).startsWith("Supply agreement playbook");
        assertThat(first.systemPrompt()).startsWith("You review supply agreements.");
        assertThat(first.metadata()).containsEntry("model", "nova-2-lite").containsEntry("contract_type", "Supply Agreement");
        assertThat(first.line()).isEqualTo(1);
        assertThat(first.rollouts()).hasSize(3);
        // a string prediction is kept verbatim; an inline JSON array is serialised to the same JSON
        assertThat(PredictionParser.parse(first.rollouts().get(0).prediction()).comments())
                .isEqualTo(PredictionParser.parse(first.rollouts().get(1).prediction()).comments())
                .hasSize(1);
        assertThat(first.rollouts().get(1).prediction()).startsWith("[{\"comment_id\":\"c1\"");
        // per-rollout model wins; the sample's model fills in where the rollout has none
        assertThat(first.rollouts().get(1).metadata()).containsEntry("model", "nova-2-lite-rft-step-32")
                .containsEntry("temperature", 1);
        assertThat(first.rollouts().get(2).metadata()).containsEntry("model", "nova-2-lite");
        // an invalid prediction is kept as raw text, not refused
        assertThat(first.rollouts().get(2).prediction()).isEqualTo("```json\n[]\n```");

        SampleInput second = batch.samples().get(1);
        assertThat(second.referenceAnswer()).isEqualTo("{\"issue\":\"governing law\"}");
        assertThat(second.rollouts()).isEmpty();
        SampleInput third = batch.samples().get(2);
        assertThat(third.referenceDocument()).isEmpty();
        assertThat(third.systemPrompt()).isEmpty();
        assertThat(third.referenceAnswer()).isNull();
    }

    @Test
    void readsNovaTrainingRowsWithAllThreeExtractionSources() throws Exception {
        ImportBatch batch = JsonlImportReader.read(fixture("nova-training.jsonl"));

        assertThat(batch.errors()).isEmpty();
        assertThat(batch.format()).isEqualTo(ImportFormat.NOVA_RFT);
        assertThat(batch.samples()).hasSize(3);

        SampleInput tagged = batch.samples().get(0);
        assertThat(tagged.id()).isEqualTo("nova-001");
        assertThat(tagged.systemPrompt()).isEqualTo("You review supply agreements.");
        assertThat(tagged.targetDocument()).startsWith("7.3 Rights to termination").endsWith("terminate this Agreement.");
        assertThat(tagged.referenceDocument()).isEqualTo("Termination for breach must allow a cure period of at least 30 days.");
        assertThat(tagged.referenceAnswer()).isEqualTo("{\"issues\":[\"no cure period\"]}");
        assertThat(tagged.metadata()).containsEntry("task_id", "termination").containsEntry("difficulty_level", "hard")
                .doesNotContainKey("no_reference");
        assertThat(tagged.rollouts()).as("a training row has no assistant turn").isEmpty();

        SampleInput untagged = batch.samples().get(1);
        assertThat(untagged.id()).matches("nova-[0-9a-f]{16}");
        assertThat(untagged.targetDocument()).startsWith("Find risks in: 9. COSTS");
        assertThat(untagged.referenceDocument()).isEmpty();
        assertThat(untagged.metadata()).containsEntry("no_reference", true);
        assertThat(untagged.referenceAnswer()).isEqualTo("\"costs are split\"");

        SampleInput fields = batch.samples().get(2);
        assertThat(fields.targetDocument()).isEqualTo("10. GOVERNING LAW This agreement shall be governed by the Laws of England.");
        assertThat(fields.referenceDocument()).isEqualTo("Governing law must be the law of New York.");
        assertThat(fields.referenceAnswer()).isEqualTo("{\"issue\":\"governing law\"}");
        assertThat(fields.metadata()).containsEntry("my_key", "sample-003").doesNotContainKeys("target_document",
                "reference_document", "reference_answer");
    }

    @Test
    void generatedNovaIdIsStableAcrossReads() throws Exception {
        String row = "{\"messages\":[{\"role\":\"user\",\"content\":\"Review: the Supplier may terminate at will.\"}]}";
        String first = readLines(row).samples().get(0).id();
        String afterOtherRows = readLines("{\"id\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":\"other\"}]}", row)
                .samples().get(1).id();
        assertThat(first).isEqualTo(afterOtherRows).startsWith("nova-");
    }

    @Test
    void groupsNovaRolloutLogLinesOfOneSampleAndReadsTypedBlocks() throws Exception {
        ImportBatch batch = JsonlImportReader.read(fixture("nova-rollout-log.jsonl"));

        assertThat(batch.errors()).isEmpty();
        assertThat(batch.samples()).hasSize(1);
        SampleInput sample = batch.samples().get(0);
        assertThat(sample.rollouts()).hasSize(2);
        assertThat(PredictionParser.parse(sample.rollouts().get(0).prediction()).comments().get(0).textExcerpt())
                .isEqualTo("each party shall have the right to summarily terminate this Agreement");
        // two text blocks are concatenated into one prediction
        Prediction second = PredictionParser.parse(sample.rollouts().get(1).prediction());
        assertThat(second.isParsed()).isTrue();
        assertThat(second.comments().get(0).commentId()).isEqualTo("c1");
        assertThat(sample.rollouts().get(0).metadata()).containsEntry("model", "nova-2-lite-rft");
    }

    @Test
    void readsRolloutsFile() throws Exception {
        ImportBatch batch = JsonlImportReader.read(fixture("rollouts.jsonl"));

        assertThat(batch.errors()).isEmpty();
        assertThat(batch.format()).isEqualTo(ImportFormat.ROLLOUTS);
        assertThat(batch.samples()).isEmpty();
        assertThat(batch.additions()).extracting(RolloutAddition::sampleId, RolloutAddition::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("agape-termination", 1),
                        org.assertj.core.groups.Tuple.tuple("agape-termination", 2),
                        org.assertj.core.groups.Tuple.tuple("agape-short-inline", 3));
        assertThat(batch.additions().get(0).rollout().prediction()).startsWith("[{\"comment_id\":\"c1\"");
        assertThat(batch.additions().get(0).rollout().metadata()).containsEntry("model", "claude-haiku-4.5");
        assertThat(batch.additions().get(1).rollout().prediction()).isEqualTo("I cannot review this contract.");
        assertThat(batch.additions().get(2).rollout().metadata()).as("unknown top-level fields go to metadata")
                .containsEntry("model", "nova-pro");
    }

    @Test
    void acceptsCrlfLineEndsByteOrderMarkAndBlankLines() throws Exception {
        Path file = write("\uFEFF" + GOOD + "\r\n\r\n   \r\n" + GOOD.replace("s1", "s2") + "\r\n");
        ImportBatch batch = JsonlImportReader.read(file);
        assertThat(batch.errors()).isEmpty();
        assertThat(batch.samples()).extracting(SampleInput::id, SampleInput::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("s1", 1), org.assertj.core.groups.Tuple.tuple("s2", 4));
        assertThat(batch.samples().get(1).targetDocument()).isEqualTo("The Supplier may terminate at will.");
    }

    @Test
    void lastLineWithoutNewlineIsRead() throws Exception {
        ImportBatch batch = JsonlImportReader.read(write(GOOD));
        assertThat(batch.errors()).isEmpty();
        assertThat(batch.samples()).hasSize(1);
    }

    // ---- errors --------------------------------------------------------------------------------

    @Test
    void malformedJsonIsALineErrorAndOtherLinesStillCount() throws Exception {
        ImportBatch batch = readLines(GOOD, "{\"id\": \"s2\", \"target_document\": ", GOOD.replace("s1", "s3"));
        assertThat(batch.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.reason()).startsWith("not valid JSON").contains("one complete JSON object");
        });
        assertThat(batch.samples()).extracting(SampleInput::id).containsExactly("s1", "s3");
    }

    @Test
    void trailingContentAfterTheObjectIsMalformed() throws Exception {
        ImportBatch batch = readLines(GOOD + " {}");
        assertThat(batch.errors()).singleElement().satisfies(e -> assertThat(e.reason()).startsWith("not valid JSON"));
    }

    @Test
    void lineThatIsNotAnObjectIsRefused() throws Exception {
        ImportBatch batch = readLines(GOOD, "[1, 2]");
        assertThat(batch.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.reason()).contains("must be a JSON object").contains("a list");
        });
    }

    @Test
    void rolloutsThatAreNotAListAreRefused() throws Exception {
        ImportBatch batch = readLines("{\"id\":\"s1\",\"target_document\":\"text of the contract\",\"rollouts\":\"[]\"}");
        assertThat(batch.errors()).singleElement().satisfies(e ->
                assertThat(e.reason()).contains("\"rollouts\" must be a list").contains("found a string"));
        assertThat(batch.samples()).isEmpty();
    }

    @Test
    void numericIdIsRefusedWithAHint() throws Exception {
        ImportBatch batch = readLines("{\"id\":17,\"target_document\":\"text of the contract\"}");
        assertThat(batch.errors()).singleElement().satisfies(e ->
                assertThat(e.reason()).isEqualTo("\"id\" must be a string, found a number (write \"17\" in quotes)"));
    }

    @Test
    void numericNovaIdIsRefused() throws Exception {
        ImportBatch batch = readLines("{\"id\":17,\"messages\":[{\"role\":\"user\",\"content\":\"text\"}]}");
        assertThat(batch.errors()).singleElement().satisfies(e -> assertThat(e.reason()).contains("\"id\" must be a non-empty string"));
    }

    @Test
    void wrongTypesInsideLinesAreNamed() throws Exception {
        ImportBatch batch = readLines(
                "{\"id\":\"a\",\"target_document\":\"contract\",\"metadata\":[1]}",
                "{\"id\":\"b\",\"target_document\":42}",
                "{\"id\":\"c\",\"target_document\":\"contract\",\"rollouts\":[{\"metadata\":{}}]}",
                "{\"id\":\"d\",\"target_document\":\"contract\",\"rollouts\":[7]}",
                "{\"id\":\"e\",\"messages\":\"hello\"}");
        assertThat(batch.errors()).extracting(LineError::line).containsExactly(1, 2, 3, 4, 5);
        assertThat(batch.errors().get(0).reason()).contains("\"metadata\" must be an object");
        assertThat(batch.errors().get(1).reason()).contains("\"target_document\" must be the document text");
        assertThat(batch.errors().get(2).reason()).contains("rollouts[0] is an object without \"prediction\"");
        assertThat(batch.errors().get(3).reason()).contains("rollouts[0] must be a string, a JSON array or a JSON object");
        assertThat(batch.errors().get(4).reason()).contains("this is a Nova RFT line");
    }

    @Test
    void missingRequiredFieldsAreNamed() throws Exception {
        ImportBatch batch = readLines(
                "{\"id\":\"a\",\"target_document\":\"contract\"}",
                "{\"target_document\":\"contract\"}",
                "{\"id\":\"c\",\"system_prompt\":\"x\"}",
                "{\"id\":\"d\",\"target_document\":\"   \"}");
        assertThat(batch.errors()).extracting(LineError::toString).containsExactly(
                "line 2: missing \"id\": every sample needs a unique string id",
                "line 3: missing \"target_document\": give the contract text, or {\"path\": \"file.txt\"}",
                "line 4: \"target_document\" is empty: a sample needs a document to review");
    }

    @Test
    void missingRequiredFieldsInRolloutsAndNovaFiles() throws Exception {
        ImportBatch rollouts = readLines("{\"sample_id\":\"s1\",\"prediction\":\"[]\"}", "{\"sample_id\":\"s1\"}",
                "{\"sample_id\":\"\",\"prediction\":\"[]\"}");
        assertThat(rollouts.errors()).extracting(LineError::toString).containsExactly(
                "line 2: missing \"prediction\": give the model's output as a string or as inline JSON",
                "line 3: \"sample_id\" is empty: name the imported sample this prediction belongs to");

        ImportBatch nova = readLines("{\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"}]}");
        assertThat(nova.errors()).singleElement().satisfies(e -> assertThat(e.reason()).contains("has no user message"));
    }

    @Test
    void duplicateIdsAreRefused() throws Exception {
        ImportBatch batch = readLines(GOOD, GOOD.replace("s1", "s2"), GOOD);
        assertThat(batch.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.reason()).isEqualTo("duplicate sample id \"s1\" (first on line 1); ids must be unique within the file");
        });
        assertThat(batch.samples()).hasSize(2);
    }

    @Test
    void novaDuplicateIdWithADifferentPromptIsRefused() throws Exception {
        ImportBatch batch = readLines(
                "{\"id\":\"n1\",\"messages\":[{\"role\":\"user\",\"content\":\"contract A\"},{\"role\":\"assistant\",\"content\":\"[]\"}]}",
                "{\"id\":\"n1\",\"messages\":[{\"role\":\"user\",\"content\":\"contract B\"},{\"role\":\"assistant\",\"content\":\"[]\"}]}");
        assertThat(batch.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.reason()).startsWith("duplicate sample id \"n1\" (first on line 1)");
        });
        assertThat(batch.samples().get(0).rollouts()).hasSize(1);
    }

    @Test
    void lineOfAnotherShapeIsRefused() throws Exception {
        ImportBatch batch = readLines(GOOD, "{\"sample_id\":\"s1\",\"prediction\":\"[]\"}");
        assertThat(batch.format()).isEqualTo(ImportFormat.JUROR);
        assertThat(batch.errors()).singleElement().satisfies(e -> assertThat(e.toString()).isEqualTo(
                "line 2: this is a rollouts-file line but the file was detected as Juror samples from line 1; "
                        + "put each format in its own file"));
    }

    @Test
    void unrecognisableFirstLineIsReportedAndDetectionMovesOn() throws Exception {
        ImportBatch batch = readLines("{\"name\":\"x\"}", GOOD);
        assertThat(batch.format()).isEqualTo(ImportFormat.JUROR);
        assertThat(batch.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.reason()).startsWith("cannot tell the file's format");
        });
        assertThat(batch.samples()).hasSize(1);
    }

    @Test
    void missingDocumentFileIsALineErrorNamingThePath() throws Exception {
        ImportBatch batch = readLines("{\"id\":\"s1\",\"target_document\":{\"path\":\"contracts/missing.txt\"}}");
        assertThat(batch.errors()).singleElement().satisfies(e -> assertThat(e.reason())
                .startsWith("target_document.path \"contracts/missing.txt\" does not exist")
                .endsWith("paths are relative to the folder of the JSONL file"));
    }

    @Test
    void documentFileIsResolvedRelativeToTheJsonlFolder() throws Exception {
        Files.createDirectories(dir.resolve("contracts"));
        Files.writeString(dir.resolve("contracts/x.txt"), "Clause 1. The term is ten years.");
        ImportBatch batch = readLines("{\"id\":\"s1\",\"target_document\":{\"path\":\"contracts/x.txt\"}}",
                "{\"id\":\"s2\",\"target_document\":{\"path\":\"contracts/x.txt\"}}");
        assertThat(batch.errors()).isEmpty();
        assertThat(batch.samples().get(0).targetDocument()).isEqualTo("Clause 1. The term is ten years.");
        assertThat(batch.samples().get(1).targetDocument()).as("read once, shared").isSameAs(batch.samples().get(0).targetDocument());
    }

    @Test
    void invalidUtf8IsAnErrorNamingTheLine() throws Exception {
        Path file = dir.resolve("latin1.jsonl");
        byte[] bad = "{\"id\":\"s2\",\"target_document\":\"Soci\u00e9t\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((GOOD + "\n").getBytes(StandardCharsets.UTF_8));
            out.write(bad);
        }
        ImportBatch batch = JsonlImportReader.read(file);
        assertThat(batch.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.reason()).isEqualTo("not valid UTF-8 (bad byte at position 35 of the line); save the file as UTF-8");
        });
        assertThat(batch.samples()).hasSize(1);
    }

    @Test
    void emptyFileIsAnError() throws Exception {
        for (String content : new String[] {"", "\n\n  \n"}) {
            ImportBatch batch = JsonlImportReader.read(write(content));
            assertThat(batch.format()).isEqualTo(ImportFormat.UNKNOWN);
            assertThat(batch.samples()).isEmpty();
            assertThat(batch.errors()).singleElement().satisfies(e -> {
                assertThat(e.line()).isEqualTo(LineError.WHOLE_FILE);
                assertThat(e.toString()).isEqualTo("file: file is empty: nothing to import from in.jsonl; expected one JSON object per line");
            });
        }
    }

    @Test
    void lineAboveTheLimitIsSkippedWithoutStoppingTheImport() throws Exception {
        ImportBatch batch = JsonlImportReader.read(write(GOOD + "\n" + longLine(300) + "\n" + GOOD.replace("s1", "s3")),
                new ImportLimits(200, 10));
        assertThat(batch.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.reason()).startsWith("line is 0.0 MB, above the limit of 0.0 MB");
        });
        assertThat(batch.samples()).extracting(SampleInput::id).containsExactly("s1", "s3");
    }

    @Test
    void lineExactlyAtTheLimitWithCrlfIsAccepted() throws Exception {
        String line = GOOD;
        int bytes = line.getBytes(StandardCharsets.UTF_8).length;
        ImportBatch batch = JsonlImportReader.read(write(line + "\r\n"), new ImportLimits(bytes, 10));
        assertThat(batch.errors()).isEmpty();
        ImportBatch tooLong = JsonlImportReader.read(write(line + "\r\n"), new ImportLimits(bytes - 1, 10));
        assertThat(tooLong.errors()).hasSize(1);
    }

    @Test
    void lineAbove50MegabytesIsRefusedWithDefaultLimits() throws Exception {
        Path file = dir.resolve("giant.jsonl");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write("{\"id\":\"giant\",\"target_document\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 20];
            Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 51; i++) {
                out.write(block);
            }
            out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write((GOOD + "\n").getBytes(StandardCharsets.UTF_8));
        }
        ImportBatch batch = JsonlImportReader.read(file);
        assertThat(batch.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.reason()).startsWith("line is 51.0 MB, above the limit of 50.0 MB");
        });
        assertThat(batch.samples()).extracting(SampleInput::id).containsExactly("s1");
    }

    @Test
    void documentLongerThanJacksonsDefaultStringLimitIsAccepted() throws Exception {
        // Jackson refuses strings above 20 M chars by default; our own line limit is the bound.
        Path file = dir.resolve("long.jsonl");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write("{\"id\":\"long\",\"target_document\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 20];
            Arrays.fill(block, (byte) 'b');
            for (int i = 0; i < 21; i++) {
                out.write(block);
            }
            out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        ImportBatch batch = JsonlImportReader.read(file);
        assertThat(batch.errors()).isEmpty();
        assertThat(batch.samples().get(0).targetDocument()).hasSize(21 << 20);
    }

    @Test
    void stopsAfterTheErrorLimit() throws Exception {
        String[] lines = new String[20];
        Arrays.fill(lines, "not json");
        ImportBatch batch = JsonlImportReader.read(write(String.join("\n", lines)), new ImportLimits(1000, 5));
        assertThat(batch.errors()).hasSize(6);
        assertThat(batch.errors().get(5).reason()).startsWith("stopped reading after 5 errors");
        assertThat(batch.linesRead()).isEqualTo(6);
    }

    @Test
    void duplicateKeysInALineAreMalformed() throws Exception {
        ImportBatch batch = readLines("{\"id\":\"s1\",\"id\":\"s2\",\"target_document\":\"contract\"}");
        assertThat(batch.errors()).singleElement().satisfies(e -> assertThat(e.reason()).contains("Duplicate field 'id'"));
    }

    private static String longLine(int length) {
        return "{\"id\":\"long\",\"target_document\":\"" + "x".repeat(length) + "\"}";
    }
}
