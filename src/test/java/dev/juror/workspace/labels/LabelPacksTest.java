package dev.juror.workspace.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.juror.dataset.RolloutInput;
import dev.juror.store.Batches;
import dev.juror.store.LabelItem;
import dev.juror.store.LabelRepository;
import dev.juror.store.NewLabel;
import dev.juror.store.RolloutRepository;
import dev.juror.store.StoredLabel;
import dev.juror.store.Workspace;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelPacksTest {

    @TempDir
    Path temp;

    /** A rubric with the one dimension these tests label, G on 1-5. */
    static final dev.juror.rubric.Rubric RUBRIC = rubric();

    static dev.juror.rubric.Rubric rubric() {
        try {
            return new dev.juror.rubric.RubricYaml().read("""
                    name: packs
                    objective: Grade the comments.
                    dimensions:
                      - name: G
                        question: Is it grounded?
                        scale: 1-5
                        levels:
                          5: Fully.
                          4: Mostly.
                          3: Partly.
                          2: Barely.
                          1: Not at all.
                    judge:
                      model_id: amazon.nova-pro-v1:0
                    """, "packs.yaml");
        } catch (dev.juror.rubric.RubricException e) {
            throw new IllegalStateException(e);
        }
    }

    static LabelPackOptions options() {
        return LabelPackOptions.of(RUBRIC, "carol");
    }

    static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    Workspace workspaceWith(String name, String prediction) throws Exception {
        Workspace ws = Workspace.open(temp.resolve(name));
        new Importer(ws).importBatch(Batches.batch(List.of(
                Batches.sample("s1", 1, Batches.CONTRACT, List.of(new RolloutInput(prediction, Map.of("model", "m"))))),
                List.of(), List.of()), ImportOptions.refuseInvalid());
        return ws;
    }

    static NewLabel label(long rollout, int position, String dimension, String score) {
        return new NewLabel("ann", rollout, position, "c" + (position + 1), dimension, score, "note " + score, 12.5,
                "v1", true, false);
    }

    @Test
    void exportImportRoundTripIsIdempotentAndKeepsHistory() throws Exception {
        Path pack = temp.resolve("packs/ann.jsonl");
        try (Workspace a = workspaceWith("a", Batches.prediction("c1", "c2"))) {
            long r = new RolloutRepository(a).find("s1", 0).orElseThrow().id();
            new LabelRepository(a, at("2026-11-01T10:00:00Z")).submit(List.of(label(r, 0, "G", "4"), label(r, 1, "G", "2")));
            new LabelRepository(a, at("2026-11-01T11:00:00Z")).submit(List.of(label(r, 0, "G", "5")));   // correction
            assertThat(new LabelPacks(a).export("ann", pack)).isEqualTo(3);
        }
        assertThat(Files.readAllLines(pack)).hasSize(3);
        assertThat(Files.list(pack.getParent())).containsExactly(pack);   // no temporary file left behind
        try (Workspace b = workspaceWith("b", Batches.prediction("c1", "c2"))) {
            LabelPackResult first = new LabelPacks(b).importPack(pack, options());
            assertThat(first.read()).isEqualTo(3);
            assertThat(first.imported()).isEqualTo(3);
            assertThat(first.conflicts()).isEmpty();
            LabelPackResult second = new LabelPacks(b).importPack(pack, options());
            assertThat(second.imported()).isZero();
            assertThat(second.alreadyPresent()).isEqualTo(3);
            LabelRepository labels = new LabelRepository(b);
            assertThat(labels.count()).isEqualTo(3);
            long r = new RolloutRepository(b).find("s1", 0).orElseThrow().id();
            assertThat(labels.latestForRollout(r)).extracting(StoredLabel::score).containsExactly("5", "2");
            assertThat(labels.history("ann", new LabelItem(r, 0, "G"))).extracting(StoredLabel::score).containsExactly("4", "5");
            assertThat(labels.latest()).allMatch(l -> l.origin().equals("pack:desk"));
        }
    }

    @Test
    void conflictsAreReportedAndNothingIsLost() throws Exception {
        Path pack = temp.resolve("ann.jsonl");
        try (Workspace a = workspaceWith("a", Batches.prediction("c1", "c2"))) {
            long r = new RolloutRepository(a).find("s1", 0).orElseThrow().id();
            new LabelRepository(a, at("2026-11-01T10:00:00Z")).submit(List.of(label(r, 0, "G", "4")));
            new LabelPacks(a).export("ann", pack);
        }
        // another workspace holds a different prediction under s1 / 0
        try (Workspace other = workspaceWith("other", Batches.prediction("c1", "c2", "c3"))) {
            LabelPackResult r = new LabelPacks(other).importPack(pack, options());
            assertThat(r.imported()).isZero();
            assertThat(r.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.kind()).isEqualTo(LabelPackConflict.Kind.PREDICTION_MISMATCH);
                assertThat(c.line()).isEqualTo(1);
                assertThat(c.toString()).contains("holds a different prediction");
            });
        }
        // a workspace without the sample
        try (Workspace empty = Workspace.open(temp.resolve("empty"))) {
            assertThat(new LabelPacks(empty).importPack(pack, options()).conflicts()).extracting(LabelPackConflict::kind)
                    .containsExactly(LabelPackConflict.Kind.UNKNOWN_SAMPLE);
        }
        // same labeller and item, a different score here: ann labels here already, so the pack needs her
        // name confirmed; then both are kept, the pack's (imported last) counts, and the change is reported
        try (Workspace b = workspaceWith("b", Batches.prediction("c1", "c2"))) {
            long r = new RolloutRepository(b).find("s1", 0).orElseThrow().id();
            new LabelRepository(b, at("2026-11-02T10:00:00Z")).submit(List.of(label(r, 0, "G", "2")));
            LabelPackResult result = new LabelPacks(b).importPack(pack, options().asLabeller("ann"));
            assertThat(result.imported()).isEqualTo(1);
            assertThat(result.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.kind()).isEqualTo(LabelPackConflict.Kind.SCORE_DIFFERS);
                assertThat(c.message()).contains("2 here and 4 in the pack").contains("the pack's score counts");
            });
            assertThat(new LabelRepository(b).history("ann", new LabelItem(r, 0, "G"))).extracting(StoredLabel::score)
                    .containsExactly("2", "4");
            assertThat(new LabelRepository(b).latestForRollout(r)).extracting(StoredLabel::score).containsExactly("4");
        }
    }

    @Test
    void unknownCommentPositionIsNotImported() throws Exception {
        Path pack = temp.resolve("ann.jsonl");
        try (Workspace a = workspaceWith("a", Batches.prediction("c1", "c2"))) {
            long r = new RolloutRepository(a).find("s1", 0).orElseThrow().id();
            new LabelRepository(a).submit(List.of(label(r, 7, "G", "4")));
            new LabelPacks(a).export("ann", pack);
            LabelPackResult result = new LabelPacks(a).importPack(pack, options());
            assertThat(result.conflicts()).extracting(LabelPackConflict::kind)
                    .containsExactly(LabelPackConflict.Kind.UNKNOWN_COMMENT);
        }
    }

    @Test
    void aBrokenLineRefusesTheWholePackNamingTheLine() throws Exception {
        Path pack = temp.resolve("bad.jsonl");
        Files.writeString(pack, """
                {"uid":"u1","labeller":"ann","sample_id":"s1","rollout_index":0,"prediction_hash":"h","comment_position":0,"comment_id":"c1","dimension":"G","score":"4","note":"","seconds":1,"rubric_version":"v","judge_hidden":true,"flagged":false,"created_at":"2026-11-01T10:00:00Z","origin":"desk"}
                {"uid":"u2","labeller":"ann","sample_id":"s1","rollout_index":0,"prediction_hash":"h","comment_position":0,"comment_id":"c1","dimension":"G","note":"","seconds":1,"rubric_version":"v","judge_hidden":true,"flagged":false,"created_at":"2026-11-01T10:00:00Z","origin":"desk"}
                """);
        try (Workspace ws = workspaceWith("w", Batches.prediction("c1"))) {
            assertThatThrownBy(() -> new LabelPacks(ws).importPack(pack, options())).isInstanceOf(LabelPackException.class)
                    .hasMessageContaining("bad.jsonl:2: field 'score' is missing");
            assertThat(new LabelRepository(ws).count()).isZero();
        }
    }
}
