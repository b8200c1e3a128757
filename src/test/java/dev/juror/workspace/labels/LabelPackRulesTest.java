package dev.juror.workspace.labels;

import static dev.juror.workspace.labels.LabelPacksTest.RUBRIC;
import static dev.juror.workspace.labels.LabelPacksTest.at;
import static dev.juror.workspace.labels.LabelPacksTest.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.dataset.RolloutInput;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.Batches;
import dev.juror.store.LabelItem;
import dev.juror.store.LabelRepository;
import dev.juror.store.NewLabel;
import dev.juror.store.RolloutRepository;
import dev.juror.store.StoredLabel;
import dev.juror.store.StoredRollout;
import dev.juror.store.Workspace;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue #18 section 4: label packs that rewrite history. Each test reproduces one finding. */
class LabelPackRulesTest {

    static final String NOW = "2026-12-07T12:00:00Z";

    @TempDir
    Path temp;

    Workspace ws;
    long rollout;
    String predictionHash;

    @BeforeEach
    void open() {
        ws = Workspace.open(temp.resolve("ws"));
        new Importer(ws).importBatch(Batches.batch(List.of(Batches.sample("s1", 1, Batches.CONTRACT,
                List.of(new RolloutInput(Batches.prediction("c1", "c2"), Map.of("model", "m"))))),
                List.of(), List.of()), ImportOptions.refuseInvalid());
        StoredRollout r = new RolloutRepository(ws).find("s1", 0).orElseThrow();
        rollout = r.id();
        predictionHash = r.predictionHash();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    LabelPacks packs() {
        return new LabelPacks(ws, at(NOW));
    }

    /** One pack line on comment 0 of s1/0; {@code changes} replaces fields. */
    String line(String uid, String labeller, String score, String createdAt, Map<String, Object> changes) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uid", uid);
        m.put("labeller", labeller);
        m.put("sample_id", "s1");
        m.put("rollout_index", 0);
        m.put("prediction_hash", predictionHash);
        m.put("comment_position", 0);
        m.put("comment_id", "c1");
        m.put("dimension", "G");
        m.put("score", score);
        m.put("note", "");
        m.put("seconds", 3.0);
        m.put("rubric_version", "v1");
        m.put("judge_hidden", true);
        m.put("flagged", false);
        m.put("created_at", createdAt);
        m.put("origin", "desk");
        m.putAll(changes);
        return new ObjectMapper().writeValueAsString(m);
    }

    String line(String uid, String labeller, String score, String createdAt) throws Exception {
        return line(uid, labeller, score, createdAt, Map.of());
    }

    Path pack(String name, String... lines) throws Exception {
        Path file = temp.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    LabelRepository labels() {
        return new LabelRepository(ws);
    }

    // --- ordering: a declared time never decides which label counts ---

    @Test
    void aPackLineDated9999IsRefusedAsAFutureDate() throws Exception {
        Path pack = pack("forged.jsonl", line("u1", "mallory", "4", "2026-11-01T10:00:00Z"),
                line("u2", "mallory", "1", "9999-01-01T00:00:00Z"));
        assertThatThrownBy(() -> packs().importPack(pack, options()))
                .isInstanceOf(LabelPackException.class)
                .hasMessageContaining("forged.jsonl:2: created_at 9999-01-01T00:00:00Z is in the future")
                .hasMessageContaining("5 minutes")
                .hasMessageEndingWith("nothing was imported");
        assertThat(labels().count()).isZero();
    }

    @Test
    void aLabelStoredWithA9999TimeDoesNotOutVoteALaterCorrection() {
        // As a pack imported before V8 left it: a row whose time is 9999-01-01. The correction given at the
        // desk afterwards must count: "latest" is insert order, not the time a row carries.
        labels().merge(List.of(new StoredLabel(0, "old-pack-1", "ann", rollout, 0, "c1", "G", "1", "", 0, "v1",
                true, false, Instant.parse("9999-01-01T00:00:00Z"), "pack:desk")));
        new LabelRepository(ws, at(NOW)).submit(List.of(new NewLabel("ann", rollout, 0, "c1", "G", "5", "fixed", 2,
                "v1", true, false)));

        assertThat(labels().latestForRollout(rollout)).extracting(StoredLabel::score).containsExactly("5");
        assertThat(labels().latest()).extracting(StoredLabel::score).containsExactly("5");
        assertThat(labels().history("ann", new LabelItem(rollout, 0, "G"))).extracting(StoredLabel::score)
                .containsExactly("1", "5");
        assertThat(labels().byLabeller("ann")).extracting(StoredLabel::score).containsExactly("1", "5");
    }

    @Test
    void withinOnePackTheLastLineCountsWhateverTheDeclaredTimes() throws Exception {
        // the correction (line 2) declares an earlier time than the label it corrects: the order decides
        Path pack = pack("ann.jsonl", line("u1", "ann", "2", "2026-12-07T11:00:00Z"),
                line("u2", "ann", "4", "2026-11-01T09:00:00Z"));
        packs().importPack(pack, options());
        assertThat(labels().latestForRollout(rollout)).extracting(StoredLabel::score).containsExactly("4");
    }

    @Test
    void theDeclaredTimeIsKeptAsInformationAndAClockSkewOfAFewMinutesIsAccepted() throws Exception {
        Path pack = pack("ann.jsonl", line("u1", "ann", "3", "2026-12-07T12:04:00Z"));   // 4 minutes ahead
        packs().importPack(pack, options());
        StoredLabel stored = labels().byLabeller("ann").get(0);
        assertThat(stored.declaredAt()).isEqualTo(Instant.parse("2026-12-07T12:04:00Z"));
        assertThat(stored.createdAt()).isEqualTo(Instant.parse(NOW));
        assertThat(stored.madeAt()).isEqualTo(stored.declaredAt());
    }

    // --- scores against the rubric's scale ---

    @ParameterizedTest
    @ValueSource(strings = {"9", "-1", "excellent", "0", "4.0", " 4", "pass"})
    void aScoreOffTheDimensionsScaleRefusesThePackNamingTheLine(String score) throws Exception {
        Path pack = pack("ann.jsonl", line("u1", "ann", "3", NOW), line("u2", "ann", score, NOW, Map.of("comment_position", 1)));
        assertThatThrownBy(() -> packs().importPack(pack, options()))
                .isInstanceOf(LabelPackException.class)
                .hasMessageContaining("ann.jsonl:2: score '" + score + "' is not on the scale of G in rubric packs (1-5: one of 1, 2, 3, 4, 5)");
        assertThat(labels().count()).isZero();
    }

    @Test
    void aDimensionTheRubricDoesNotHaveRefusesThePack() throws Exception {
        Path pack = pack("ann.jsonl", line("u1", "ann", "3", NOW, Map.of("dimension", "Charm")));
        assertThatThrownBy(() -> packs().importPack(pack, options()))
                .hasMessageContaining("ann.jsonl:1: dimension 'Charm' is not in rubric packs (G)");
        assertThat(labels().count()).isZero();
    }

    @Test
    void booleanDimensionsTakePassOrFail() throws Exception {
        var checklist = new RubricYaml().read(Path.of("rubrics/boolean-checklist.yaml"));
        LabelPackOptions withChecklist = new LabelPackOptions(List.of(RUBRIC, checklist), "carol", java.util.Set.of());
        Path good = pack("good.jsonl", line("u1", "ann", "pass", NOW, Map.of("dimension", "Issue_Valid")),
                line("u2", "ann", "4", NOW));
        assertThat(packs().importPack(good, withChecklist).imported()).isEqualTo(2);
        Path bad = pack("bad.jsonl", line("u3", "ann", "5", NOW, Map.of("dimension", "Issue_Valid")));
        assertThatThrownBy(() -> packs().importPack(bad, withChecklist))
                .hasMessageContaining("bad.jsonl:1: score '5' is not on the scale of Issue_Valid in rubric boolean-checklist"
                        + " (boolean: one of fail, pass)");
    }

    // --- uids, names, duplicates ---

    @Test
    void aRepeatedUidRefusesThePackNamingBothLines() throws Exception {
        Path pack = pack("ann.jsonl", line("u1", "ann", "3", NOW), line("u2", "ann", "3", NOW, Map.of("comment_position", 1)),
                line("u1", "ann", "5", NOW));
        assertThatThrownBy(() -> packs().importPack(pack, options()))
                .hasMessageContaining("ann.jsonl:3: uid u1 is repeated (first on line 1)");
        assertThat(labels().count()).isZero();
    }

    @Test
    void overLongUidsAndNamesAndBadCharactersRefuseThePack() throws Exception {
        String[][] cases = {
                {"u".repeat(65), "ann", "uid is 65 characters; at most 64"},
                {"u 1", "ann", "uid 'u 1' may hold only"},
                {"u1", "a".repeat(201), "labeller is 201 characters; at most 200"},
                {"u1", "ann\nroot", "labeller holds a control character"},
                {"u1", "ann ", "labeller 'ann' has spaces around it"},
        };
        for (String[] c : cases) {
            Path pack = pack("p.jsonl", line(c[0], c[1], "3", NOW));
            assertThatThrownBy(() -> packs().importPack(pack, options())).as(c[2])
                    .isInstanceOf(LabelPackException.class).hasMessageContaining("p.jsonl:1: " + c[2]);
        }
        Path longDimension = pack("d.jsonl", line("u1", "ann", "3", NOW, Map.of("dimension", "D".repeat(201))));
        assertThatThrownBy(() -> packs().importPack(longDimension, options()))
                .hasMessageContaining("d.jsonl:1: dimension is 201 characters");
        Path duplicateKey = pack("k.jsonl", line("u1", "ann", "3", NOW).replace("\"score\":\"3\"",
                "\"score\":\"3\",\"score\":\"9\""));
        assertThatThrownBy(() -> packs().importPack(duplicateKey, options()))
                .hasMessageContaining("k.jsonl:1: not a label pack line").hasMessageContaining("score");
        assertThat(labels().count()).isZero();
    }

    @Test
    void aPackThatIsNotUtf8IsRefused() throws Exception {
        Path pack = temp.resolve("latin1.jsonl");
        Files.write(pack, line("u1", "ann", "3", NOW, Map.of("note", "caf\u00e9")).getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> packs().importPack(pack, options()))
                .hasMessageContaining("latin1.jsonl: not UTF-8 text");
        assertThat(labels().count()).isZero();
    }

    // --- origin ---

    @Test
    void everyImportedLabelRecordsThePackHashWhoImportedItAndWhen() throws Exception {
        Path pack = pack("ann.jsonl", line("u1", "ann", "3", "2026-11-01T10:00:00Z"));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(pack)));
        LabelPackResult result = packs().importPack(pack, options());
        assertThat(result.packSha256()).isEqualTo(sha);
        StoredLabel stored = labels().byLabeller("ann").get(0);
        assertThat(stored.imported()).isNotNull();
        assertThat(stored.imported().packSha256()).isEqualTo(sha);
        assertThat(stored.imported().importedBy()).isEqualTo("carol");
        assertThat(stored.imported().importedAt()).isEqualTo(Instant.parse(NOW));
        assertThat(stored.imported().fileName()).isEqualTo("ann.jsonl");
        assertThat(stored.originText()).isEqualTo("imported from pack " + sha.substring(0, 8) + " (ann.jsonl) by carol on 2026-12-07");
        // desk labels say so
        new LabelRepository(ws, at(NOW)).submit(List.of(new NewLabel("bea", rollout, 0, "c1", "G", "2", "", 1, "v1",
                true, false)));
        assertThat(labels().byLabeller("bea").get(0).originText()).isEqualTo("given at the desk");
        assertThat(labels().byLabeller("bea").get(0).imported()).isNull();
        // the export carries the origin and the declared time
        Path out = temp.resolve("out.jsonl");
        packs().export("ann", out);
        var exported = new ObjectMapper().readTree(Files.readAllLines(out).get(0));
        assertThat(exported.get("imported_from").asText()).isEqualTo(sha);
        assertThat(exported.get("imported_by").asText()).isEqualTo("carol");
        assertThat(exported.get("imported_at").asText()).isEqualTo(NOW);
        assertThat(exported.get("created_at").asText()).isEqualTo("2026-11-01T10:00:00Z");
        // ... and imports again elsewhere (the fields are known to the reader)
        try (Workspace other = Workspace.open(temp.resolve("other"))) {
            new Importer(other).importBatch(Batches.batch(List.of(Batches.sample("s1", 1, Batches.CONTRACT,
                    List.of(new RolloutInput(Batches.prediction("c1", "c2"), Map.of("model", "m"))))),
                    List.of(), List.of()), ImportOptions.refuseInvalid());
            assertThat(new LabelPacks(other, at(NOW)).importPack(out, LabelPackOptions.of(RUBRIC, "dan")).imported())
                    .isEqualTo(1);
            assertThat(new LabelRepository(other).byLabeller("ann").get(0).imported().importedBy()).isEqualTo("dan");
        }
    }

    // --- labellers who already label here ---

    @Test
    void aPackAddingLabelsUnderSomeoneWhoLabelsHereNeedsTheirNameConfirmed() throws Exception {
        new LabelRepository(ws, at(NOW)).submit(List.of(new NewLabel("ann", rollout, 0, "c1", "G", "5", "", 1, "v1",
                true, false)));
        Path pack = pack("forged.jsonl", line("u1", "ann", "1", NOW), line("u2", "bob", "1", NOW));
        assertThatThrownBy(() -> packs().importPack(pack, options()))
                .isInstanceOf(LabelPackException.class)
                .hasMessageContaining("forged.jsonl adds 1 label under ann, who already labels in this workspace")
                .hasMessageContaining("--as-labeller ann")
                .hasMessageEndingWith("nothing was imported");
        assertThat(labels().count()).isEqualTo(1);
        assertThatThrownBy(() -> packs().importPack(pack, options().asLabeller("bob")))
                .hasMessageContaining("--as-labeller ann");

        LabelPackResult confirmed = packs().importPack(pack, options().asLabeller("ann"));
        assertThat(confirmed.imported()).isEqualTo(2);
        // the same pack again adds nothing and needs no confirmation
        assertThat(packs().importPack(pack, options()).alreadyPresent()).isEqualTo(2);
    }

    @Test
    void aSecondPackUnderALabellerFromAnEarlierPackNeedsConfirmationToo() throws Exception {
        packs().importPack(pack("week1.jsonl", line("u1", "ann", "3", NOW)), options());
        Path week2 = pack("week2.jsonl", line("u1", "ann", "3", NOW), line("u2", "ann", "4", NOW));
        assertThatThrownBy(() -> packs().importPack(week2, options())).hasMessageContaining("--as-labeller ann");
        assertThat(packs().importPack(week2, options().asLabeller("ann")).imported()).isEqualTo(1);
    }
}
