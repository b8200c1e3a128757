package dev.juror.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration V8 on a workspace that imported a forged pack before it: the forged time stops deciding. */
class LabelOriginMigrationTest {

    @TempDir
    Path temp;

    @Test
    void aPackLabelDated9999BeforeV8KeepsItsTimeAsDeclaredAndNoLongerOutVotesACorrection() throws Exception {
        long rollout;
        try (Workspace ws = Workspace.open(temp)) {
            new Importer(ws).importBatch(Batches.samples(1, 1), ImportOptions.refuseInvalid());
            rollout = new RolloutRepository(ws).find("s1", 0).orElseThrow().id();
        }
        MigrationUndo.run(temp, MigrationUndo.V8);
        org.h2.jdbcx.JdbcDataSource before = new org.h2.jdbcx.JdbcDataSource();
        before.setURL(Workspace.jdbcUrl(temp.toAbsolutePath().normalize()));
        before.setUser("juror");
        before.setPassword("");
        try (Connection c = before.getConnection()) {
            // what an import before V8 stored: the pack's time as created_at
            for (String sql : List.of("""
                    INSERT INTO labels (label_uid, labeller, rollout_id, comment_position, comment_id, dimension, score,
                                        rubric_version, judge_hidden, flagged, created_at, origin)
                    VALUES ('forged', 'ann', ?, 0, 'c1', 'G', '1', 'v1', TRUE, FALSE, TIMESTAMP WITH TIME ZONE
                            '9999-01-01 00:00:00+00', 'pack:desk')""", """
                    INSERT INTO labels (label_uid, labeller, rollout_id, comment_position, comment_id, dimension, score,
                                        rubric_version, judge_hidden, flagged, created_at, origin)
                    VALUES ('desk-1', 'bea', ?, 0, 'c1', 'G', '3', 'v1', TRUE, FALSE, TIMESTAMP WITH TIME ZONE
                            '2026-12-01 10:00:00+00', 'desk')""")) {
                try (PreparedStatement insert = c.prepareStatement(sql)) {
                    insert.setLong(1, rollout);
                    insert.execute();
                }
            }
        }

        try (Workspace ws = Workspace.open(temp)) {
            LabelRepository labels = new LabelRepository(ws);
            StoredLabel forged = labels.byLabeller("ann").get(0);
            assertThat(forged.declaredAt()).isEqualTo(Instant.parse("9999-01-01T00:00:00Z"));
            assertThat(forged.imported()).isNull();
            assertThat(forged.originText()).isEqualTo("imported from a label pack");
            assertThat(labels.byLabeller("bea").get(0).declaredAt()).isNull();

            new LabelRepository(ws).submit(List.of(new NewLabel("ann", rollout, 0, "c1", "G", "5", "", 1, "v1", true,
                    false)));
            assertThat(labels.history("ann", new LabelItem(rollout, 0, "G"))).extracting(StoredLabel::score)
                    .containsExactly("1", "5");
            assertThat(labels.latestForRollout(rollout)).extracting(StoredLabel::labeller, StoredLabel::score)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("ann", "5"),
                            org.assertj.core.groups.Tuple.tuple("bea", "3"));
        }
    }
}
