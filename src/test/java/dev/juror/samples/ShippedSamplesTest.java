package dev.juror.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the shipped sample data honest. Reads the files with plain Jackson, independently of
 * Juror's importer, so a bug in the importer cannot hide a bug in the data (or the reverse).
 * The rollouts are hand-written; these checks make sure they stay labelled as such and that the
 * "strong" ones really quote the contract they comment on.
 */
class ShippedSamplesTest {

    private static final Path FOLDER = Path.of("samples", "contract-review");
    private static final Path MAIN_FILE = FOLDER.resolve("contract-review.jsonl");
    private static final String PROVENANCE = "hand-written demonstration prediction";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> samples;

    @BeforeAll
    static void readMainFile() throws IOException {
        samples = readJsonLines(MAIN_FILE);
    }

    @Test
    void everySampleHasTheFieldsOfJurorsImportFormat() {
        assertThat(samples).hasSizeGreaterThanOrEqualTo(6);
        Set<String> ids = new HashSet<>();
        for (JsonNode sample : samples) {
            String id = text(sample, "id");
            assertThat(ids.add(id)).as("duplicate sample id %s", id).isTrue();
            assertThat(text(sample, "system_prompt")).as("system_prompt of %s", id).isNotBlank();
            assertThat(sample.path("metadata").path("licence").asText()).as("licence of %s", id).isNotBlank();
        }
    }

    @Test
    void everyReferencedDocumentExistsInsideTheSampleFolder() {
        for (JsonNode sample : samples) {
            for (String field : List.of("target_document", "reference_document")) {
                Path file = documentPath(sample, field);
                assertThat(file).as("%s of %s", field, text(sample, "id")).isRegularFile();
            }
        }
    }

    @Test
    void everySampleHasFourToEightRollouts() {
        for (JsonNode sample : samples) {
            assertThat(sample.path("rollouts").isArray()).as("rollouts of %s", text(sample, "id")).isTrue();
            assertThat(sample.path("rollouts").size()).as("rollouts of %s", text(sample, "id")).isBetween(4, 8);
        }
    }

    @Test
    void everyRolloutIsLabelledAsAHandWrittenDemonstration() {
        for (JsonNode sample : samples) {
            for (JsonNode rollout : sample.path("rollouts")) {
                assertLabelled(text(sample, "id"), rollout);
            }
        }
    }

    @Test
    void strongRolloutsQuoteTheirContractVerbatim() throws IOException {
        int strong = 0;
        for (JsonNode sample : samples) {
            String contract = read(documentPath(sample, "target_document"));
            for (JsonNode rollout : sample.path("rollouts")) {
                if (isKind(rollout, "strong")) {
                    assertExcerptsVerbatim(text(sample, "id"), rollout, contract);
                    strong++;
                }
            }
        }
        assertThat(strong).as("strong rollouts").isGreaterThanOrEqualTo(samples.size());
    }

    @Test
    void expertReferenceAnswersQuoteTheirContractVerbatim() throws IOException {
        for (JsonNode sample : samples) {
            JsonNode clauses = sample.path("reference_answer").path("clauses");
            String contract = read(documentPath(sample, "target_document"));
            for (JsonNode clause : clauses) {
                assertThat(contract).as("CUAD %s span in %s", clause.path("category").asText(), text(sample, "id"))
                        .contains(clause.path("text").asText());
            }
        }
    }

    /** A rollout that claims to demonstrate an excerpt failure must actually contain one. */
    @Test
    void flawedExcerptKindsReallyContainTheFlawTheyClaim() throws IOException {
        for (JsonNode sample : samples) {
            String contract = read(documentPath(sample, "target_document"));
            String reference = read(documentPath(sample, "reference_document"));
            for (JsonNode rollout : sample.path("rollouts")) {
                List<String> excerpts = excerpts(rollout);
                String where = text(sample, "id") + " / " + kind(rollout);
                switch (kind(rollout)) {
                    case "normalized_quote" -> assertThat(excerpts).as(where).anyMatch(e ->
                            !contract.contains(e) && normalize(contract).contains(normalize(e)));
                    case "quotes_reference" -> assertThat(excerpts).as(where).anyMatch(e ->
                            !contract.contains(e) && reference.contains(e));
                    case "fabricated_excerpt" -> assertThat(excerpts).as(where).anyMatch(e ->
                            !normalize(contract).contains(normalize(e)) && !normalize(reference).contains(normalize(e)));
                    default -> { }
                }
            }
        }
    }

    @Test
    void theSetCoversInjectionAttemptsAndBenignLookalikes() {
        Map<String, Integer> kinds = new HashMap<>();
        for (JsonNode sample : samples) {
            for (JsonNode rollout : sample.path("rollouts")) {
                kinds.merge(kind(rollout), 1, Integer::sum);
            }
        }
        assertThat(kinds.getOrDefault("injection", 0)).isGreaterThanOrEqualTo(2);
        assertThat(kinds).containsKeys("benign_instruction_talk", "malformed_json", "empty", "prose_only",
                "vague", "wrong_clause", "normalized_quote", "quotes_reference", "fabricated_excerpt");
    }

    @Test
    void extraRolloutsBelongToShippedSamplesAndStayHonest() throws IOException {
        Map<String, JsonNode> byId = new HashMap<>();
        samples.forEach(s -> byId.put(text(s, "id"), s));
        Map<String, Integer> added = new HashMap<>();
        for (JsonNode line : readJsonLines(FOLDER.resolve("extra-rollouts.jsonl"))) {
            String sampleId = text(line, "sample_id");
            JsonNode sample = byId.get(sampleId);
            assertThat(sample).as("sample %s of extra-rollouts.jsonl", sampleId).isNotNull();
            assertLabelled(sampleId, line);
            if (isKind(line, "strong")) {
                assertExcerptsVerbatim(sampleId, line, read(documentPath(sample, "target_document")));
            }
            int total = sample.path("rollouts").size() + added.merge(sampleId, 1, Integer::sum);
            assertThat(total).as("rollouts of %s after adding extra rollouts", sampleId).isLessThanOrEqualTo(8);
        }
    }

    @Test
    void novaRowsCarryTheDocumentsBetweenTheirTags() throws IOException {
        for (JsonNode row : readJsonLines(FOLDER.resolve("nova-rft-training.jsonl"))) {
            JsonNode messages = row.path("messages");
            assertThat(messages.path(0).path("role").asText()).isEqualTo("system");
            assertThat(messages.path(1).path("role").asText()).isEqualTo("user");
            String user = messages.path(1).path("content").asText();
            assertThat(between(user, "<TargetDocument>\n", "\n</TargetDocument>")).isEqualTo(text(row, "target_document"));
            assertThat(between(user, "<Reference>\n", "\n</Reference>")).isEqualTo(text(row, "reference_document"));
            assertThat(row.path("reference_answer").path("clauses").size()).isPositive();
        }
    }

    private static void assertLabelled(String sampleId, JsonNode rollout) {
        assertThat(rollout.path("prediction").isTextual()).as("prediction in %s is a string", sampleId).isTrue();
        JsonNode metadata = rollout.path("metadata");
        assertThat(metadata.path("provenance").asText()).as("provenance in %s", sampleId).isEqualTo(PROVENANCE);
        assertThat(metadata.path("model").asText()).as("model tag in %s", sampleId).startsWith("demo-policy-");
        assertThat(metadata.path("kind").asText()).as("kind in %s", sampleId).isNotBlank();
    }

    private static void assertExcerptsVerbatim(String sampleId, JsonNode rollout, String contract) {
        List<String> excerpts = excerpts(rollout);
        assertThat(excerpts).as("comments of a strong rollout in %s", sampleId).hasSizeBetween(3, 6);
        for (String excerpt : excerpts) {
            assertThat(excerpt).as("excerpt in %s", sampleId).isNotBlank();
            assertThat(contract).as("strong excerpt must be verbatim in the contract of %s", sampleId).contains(excerpt);
        }
    }

    private static List<String> excerpts(JsonNode rollout) {
        JsonNode comments;
        try {
            comments = JSON.readTree(rollout.path("prediction").asText());
        } catch (JsonProcessingException e) {
            return List.of(); // malformed predictions are part of the demonstration
        }
        List<String> result = new ArrayList<>();
        if (comments != null && comments.isArray()) {
            comments.forEach(c -> result.add(c.path("text_excerpt").asText()));
        }
        return result;
    }

    private static Path documentPath(JsonNode sample, String field) {
        JsonNode document = sample.path(field);
        String relative = document.path("path").asText();
        assertThat(relative).as("%s of %s must be a {\"path\": ...} reference", field, text(sample, "id")).isNotBlank();
        Path folder = FOLDER.toAbsolutePath().normalize();
        Path resolved = folder.resolve(relative).normalize();
        assertThat(resolved).as("%s of %s stays inside %s", field, text(sample, "id"), FOLDER).startsWith(folder);
        return resolved;
    }

    private static List<JsonNode> readJsonLines(Path file) throws IOException {
        List<JsonNode> result = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(lines.get(i));
                assertThat(node.isObject()).as("%s line %d is a JSON object", file, i + 1).isTrue();
                result.add(node);
            } catch (JsonProcessingException e) {
                fail("%s line %d is not valid JSON: %s", file, i + 1, e.getOriginalMessage());
            }
        }
        return result;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        assertThat(value.isTextual()).as("field %s is a string", field).isTrue();
        return value.asText();
    }

    private static String kind(JsonNode rollout) {
        return rollout.path("metadata").path("kind").asText();
    }

    private static boolean isKind(JsonNode rollout, String kind) {
        return kind.equals(kind(rollout));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Same idea as the review desk's fallback match: typographic quotes and whitespace runs ignored. */
    private static String normalize(String s) {
        return s.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201c', '"').replace('\u201d', '"')
                .replaceAll("\\s+", " ").strip();
    }

    private static String between(String text, String open, String close) {
        int start = text.indexOf(open);
        int end = text.indexOf(close, start + open.length());
        assertThat(start).as("%s present", open.strip()).isNotNegative();
        assertThat(end).as("%s present", close.strip()).isNotNegative();
        return text.substring(start + open.length(), end);
    }
}
