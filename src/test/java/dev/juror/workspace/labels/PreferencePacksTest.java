package dev.juror.workspace.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.juror.rubric.Preference;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.Batches;
import dev.juror.store.NewPreference;
import dev.juror.store.Repositories;
import dev.juror.store.RolloutRepository;
import dev.juror.store.ShownOrder;
import dev.juror.store.StoredPreference;
import dev.juror.store.Workspace;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Label packs carry preferences: both rollouts, the order shown, blind or not; a round trip keeps them. */
class PreferencePacksTest {

    @TempDir
    Path temp;

    private static Rubric pairwise() throws Exception {
        return new RubricYaml().read(Path.of("rubrics/pairwise-preference.yaml"));
    }

    private Workspace workspace(String name) {
        Workspace ws = Workspace.open(temp.resolve(name));
        new Importer(ws).importBatch(Batches.samples(1, 3), ImportOptions.refuseInvalid());
        return ws;
    }

    @Test
    void preferencesRoundTripThroughAPackWithTheOrderShown() throws Exception {
        Path pack = temp.resolve("ann.jsonl");
        try (Workspace here = workspace("here")) {
            RolloutRepository rollouts = new RolloutRepository(here);
            long r0 = rollouts.find("s1", 0).orElseThrow().id();
            long r2 = rollouts.find("s1", 2).orElseThrow().id();
            Repositories.of(here).preferences().submit(List.of(
                    new NewPreference("ann", r2, r0, ShownOrder.BA, "Grounding", Preference.B, "clearer", 9, "v1", true, ""),
                    new NewPreference("ann", r2, r0, ShownOrder.BA, "Coverage", Preference.TIE, "", 4, "v1", false,
                            "the judge's verdict of run-1")));
            assertThat(new LabelPacks(here).export("ann", pack)).isEqualTo(2);
        }
        assertThat(Files.readString(pack)).contains("\"rollout_b_index\":0").contains("\"shown_order\":\"BA\"");
        try (Workspace there = workspace("there")) {
            LabelPackResult result = new LabelPacks(there).importPack(pack, LabelPackOptions.of(pairwise(), "carol"));
            assertThat(result.imported()).isEqualTo(2);
            RolloutRepository rollouts = new RolloutRepository(there);
            long r0 = rollouts.find("s1", 0).orElseThrow().id();
            List<StoredPreference> got = Repositories.of(there).preferences().latest();
            assertThat(got).extracting(StoredPreference::dimension, p -> p.towards(r0), StoredPreference::shown,
                            StoredPreference::blind, StoredPreference::note)
                    .containsExactlyInAnyOrder(tuple("Grounding", Preference.A, ShownOrder.BA, true, "clearer"),
                            tuple("Coverage", Preference.TIE, ShownOrder.BA, false, ""));
            assertThat(got).allMatch(p -> p.imported() != null && p.imported().importedBy().equals("carol"));
            assertThat(new LabelPacks(there).importPack(pack, LabelPackOptions.of(pairwise(), "carol")).imported()).isZero();
        }
    }

    @Test
    void aPreferenceLineWithoutItsShownOrderIsRefusedNamingTheLine() throws Exception {
        Path pack = temp.resolve("bad.jsonl");
        try (Workspace here = workspace("here")) {
            var r0 = new RolloutRepository(here).find("s1", 0).orElseThrow();
            var r1 = new RolloutRepository(here).find("s1", 1).orElseThrow();
            Files.writeString(pack, "{\"uid\":\"u1\",\"labeller\":\"ann\",\"sample_id\":\"s1\",\"rollout_index\":0,"
                    + "\"prediction_hash\":\"" + r0.predictionHash() + "\",\"comment_position\":-1,\"dimension\":\"Grounding\","
                    + "\"score\":\"A\",\"rubric_version\":\"v1\",\"judge_hidden\":true,\"created_at\":\"2026-01-01T00:00:00Z\","
                    + "\"rollout_b_index\":1,\"prediction_b_hash\":\"" + r1.predictionHash() + "\"}\n");
            assertThatThrownBy(() -> new LabelPacks(here).importPack(pack, LabelPackOptions.of(pairwise(), "carol")))
                    .isInstanceOf(LabelPackException.class).hasMessageContaining("bad.jsonl:1: shown_order");
        }
    }
}
