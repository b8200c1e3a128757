package dev.juror.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration V9: labels stored before it are blind only where that is provable. */
class LabelVisibilityMigrationTest {

    @TempDir
    Path temp;

    @Test
    void onlyADeskLabelGivenBeforeAnyOtherLabellersLabelOnTheCommentMigratesAsBlind() throws Exception {
        long rollout;
        try (Workspace ws = Workspace.open(temp)) {
            new Importer(ws).importBatch(Batches.samples(1, 1), ImportOptions.refuseInvalid());
            rollout = new RolloutRepository(ws).find("s1", 0).orElseThrow().id();
        }
        MigrationUndo.run(temp, MigrationUndo.V9);
        org.h2.jdbcx.JdbcDataSource before = new org.h2.jdbcx.JdbcDataSource();
        before.setURL(Workspace.jdbcUrl(temp.toAbsolutePath().normalize()));
        before.setUser("juror");
        before.setPassword("");
        try (Connection c = before.getConnection()) {
            // (uid, labeller, comment, judge_hidden, origin), in insert order
            for (Object[] row : List.<Object[]>of(
                    new Object[] {"ann-first", "ann", 0, true, "desk"},
                    new Object[] {"bea-after-ann", "bea", 0, true, "desk"},
                    new Object[] {"ann-correction", "ann", 0, true, "desk"},
                    new Object[] {"bea-alone", "bea", 1, true, "desk"},
                    new Object[] {"cy-judge-shown", "cy", 2, false, "desk"},
                    new Object[] {"dan-pack", "dan", 3, true, "pack:desk"})) {
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO labels (label_uid, labeller, rollout_id, comment_position, comment_id, dimension,
                                            score, rubric_version, judge_hidden, flagged, created_at, origin)
                        VALUES (?, ?, ?, ?, 'c', 'G', '3', 'v1', ?, FALSE, CURRENT_TIMESTAMP, ?)""")) {
                    insert.setString(1, (String) row[0]);
                    insert.setString(2, (String) row[1]);
                    insert.setLong(3, rollout);
                    insert.setInt(4, (Integer) row[2]);
                    insert.setBoolean(5, (Boolean) row[3]);
                    insert.setString(6, (String) row[4]);
                    insert.execute();
                }
            }
        }

        try (Workspace ws = Workspace.open(temp)) {
            LabelRepository labels = new LabelRepository(ws);
            Map<String, StoredLabel> byUid = labels.labellers().stream().flatMap(n -> labels.byLabeller(n).stream())
                    .collect(Collectors.toMap(StoredLabel::uid, l -> l));
            assertThat(byUid.get("ann-first").blind()).isTrue();
            assertThat(byUid.get("ann-first").seen()).isEmpty();
            assertThat(byUid.get("bea-alone").blind()).isTrue();
            // bea may have seen ann's label (Blind unticked was not recorded); ann's correction may have seen bea's
            assertThat(byUid.get("bea-after-ann").blind()).isFalse();
            assertThat(byUid.get("bea-after-ann").seen()).startsWith("not recorded: other labellers had labelled");
            assertThat(byUid.get("ann-correction").blind()).isFalse();
            assertThat(byUid.get("cy-judge-shown").blind()).isFalse();
            assertThat(byUid.get("cy-judge-shown").seen()).startsWith("the judge's scores");
            assertThat(byUid.get("dan-pack").blind()).isFalse();
            assertThat(byUid.get("dan-pack").seen()).contains("imported from a label pack");

            // a label given after the migration records what was shown
            StoredLabel fresh = labels.submit(List.of(new NewLabel("eve", rollout, 4, "c", "G", "2", "", 1, "v1", false,
                    false, "judge run 3; the label of ann"))).get(0);
            assertThat(labels.byLabeller("eve").get(0)).satisfies(l -> {
                assertThat(l.blind()).isFalse();
                assertThat(l.seen()).isEqualTo("judge run 3; the label of ann");
                assertThat(l.id()).isEqualTo(fresh.id());
            });
        }
    }
}
