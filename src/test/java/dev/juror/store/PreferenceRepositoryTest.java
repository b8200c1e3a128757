package dev.juror.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.juror.rubric.Preference;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V11 and the preference store: append-only, latest per labeller, unordered pair and dimension; blind kept. */
class PreferenceRepositoryTest {

    @TempDir
    Path dir;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    private static NewPreference pref(String who, long a, long b, ShownOrder shown, String dimension, Preference p) {
        return new NewPreference(who, a, b, shown, dimension, p, "", 3.5, "v1", true, "");
    }

    @Test
    void aCorrectionInEitherOrderSupersedesAndEverythingSurvivesReopening() {
        long x;
        long y;
        try (Workspace ws = Workspace.open(dir)) {
            new Importer(ws).importBatch(Batches.samples(1, 2), ImportOptions.refuseInvalid());
            x = new RolloutRepository(ws).find("s1", 0).orElseThrow().id();
            y = new RolloutRepository(ws).find("s1", 1).orElseThrow().id();
            PreferenceRepository prefs = Repositories.of(ws, CLOCK).preferences();
            prefs.submit(List.of(pref("ann", x, y, ShownOrder.BA, "Grounding", Preference.A),
                    pref("ann", x, y, ShownOrder.BA, "Coverage", Preference.TIE)));
            prefs.submit(List.of(pref("bea", x, y, ShownOrder.AB, "Grounding", Preference.B)));
            // ann corrects Grounding with the pair stored the other way round: B there = x better... here y
            prefs.submit(List.of(pref("ann", y, x, ShownOrder.AB, "Grounding", Preference.A)));
        }
        try (Workspace ws = Workspace.open(dir)) {
            PreferenceRepository prefs = Repositories.of(ws, CLOCK).preferences();
            assertThat(prefs.count()).isEqualTo(4);
            List<StoredPreference> latest = prefs.latestForPair(y, x);
            assertThat(latest).extracting(StoredPreference::labeller, StoredPreference::dimension, p -> p.towards(x))
                    .containsExactly(tuple("ann", "Coverage", Preference.TIE), tuple("ann", "Grounding", Preference.B),
                            tuple("bea", "Grounding", Preference.B));
            assertThat(latest.get(0).shown()).isEqualTo(ShownOrder.BA);
            assertThat(latest).allMatch(StoredPreference::blind);
            assertThat(prefs.byLabeller("ann")).hasSize(3);
            assertThat(prefs.labellers()).containsExactly("ann", "bea");
        }
    }

    @Test
    void aPreferenceGivenWithTheVerdictShownIsNotBlindAndSaysWhat() {
        try (Workspace ws = Workspace.open(dir)) {
            new Importer(ws).importBatch(Batches.samples(1, 2), ImportOptions.refuseInvalid());
            long x = new RolloutRepository(ws).find("s1", 0).orElseThrow().id();
            long y = new RolloutRepository(ws).find("s1", 1).orElseThrow().id();
            PreferenceRepository prefs = Repositories.of(ws, CLOCK).preferences();
            prefs.submit(List.of(new NewPreference("ann", x, y, ShownOrder.AB, "Grounding", Preference.A, "", 1, "v1",
                    false, "the judge's verdict of run-1")));
            StoredPreference p = prefs.latest().get(0);
            assertThat(p.blind()).isFalse();
            assertThat(p.seen()).isEqualTo("the judge's verdict of run-1");
            assertThatThrownBy(() -> new NewPreference("ann", x, x, ShownOrder.AB, "G", Preference.A, "", 1, "v1", true, ""))
                    .hasMessageContaining("two different rollouts");
        }
    }

    @Test
    void aVersion10WorkspaceUpgradesKeepingItsLabels() throws Exception {
        try (Workspace ws = Workspace.open(dir)) {
            new Importer(ws).importBatch(Batches.samples(1, 2), ImportOptions.refuseInvalid());
            long x = new RolloutRepository(ws).find("s1", 0).orElseThrow().id();
            new LabelRepository(ws).submit(List.of(new NewLabel("ann", x, 0, "c1", "G", "3", "", 1, "v1", true, false)));
        }
        MigrationUndo.run(dir, MigrationUndo.V11);
        try (Workspace ws = Workspace.open(dir)) {
            assertThat(new LabelRepository(ws).count()).isEqualTo(1);
            assertThat(Repositories.of(ws).preferences().count()).isZero();
            try (Connection c = ws.connection(); PreparedStatement s = c.prepareStatement(
                    "SELECT MAX(\"version\") FROM \"flyway_schema_history\" WHERE \"version\" = '11'");
                 ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("11");
            }
        }
    }
}
