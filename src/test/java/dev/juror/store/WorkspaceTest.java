package dev.juror.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.juror.workspace.calibration.AnchorSets;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {

    @TempDir
    Path temp;

    /** How many migration files there are (versions may have gaps while branches are merged). */
    private static int migrationCount() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(Path.of("src/main/resources/db/migration"))) {
            return (int) files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql")).count();
        }
    }

    /** The number of the newest migration file, so the test follows new migrations (V2 labels, V3 judge runs, ...). */
    private static int latestMigration() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElse(0);
        }
    }

    @Test
    void createsFolderAndMigratesAFreshWorkspace() throws Exception {
        Path dir = temp.resolve("nested/ws");
        try (Workspace workspace = Workspace.open(dir)) {
            assertThat(workspace.databaseFile()).exists().hasFileName("juror.mv.db");
            assertThat(workspace.schemaVersion()).isEqualTo(latestMigration());
            assertThat(tables(workspace)).contains("DOCUMENTS", "SAMPLES", "ROLLOUTS", "COMMENTS", "IMPORTS");
            assertThat(workspace.stats().samples()).isZero();
        }
    }

    /*
     * A new workspace starts as a copy of the template the build made with the same migrations: its
     * schema is exactly the one Flyway builds from nothing.
     */
    @Test
    void aNewWorkspaceFromTheBuildsTemplateHasTheSchemaTheMigrationsBuild() throws Exception {
        assertThat(WorkspaceSchema.bundledTemplate()).as("the build's workspace-template step ran").isPresent();
        String fromTemplate;
        String fromMigrations;
        try (Workspace workspace = Workspace.open(temp.resolve("template"))) {
            assertThat(workspace.schemaVersion()).isEqualTo(latestMigration());
            fromTemplate = schema(workspace);
        }
        try (Workspace workspace = Workspace.open(temp.resolve("flyway"), java.util.Optional.empty())) {
            fromMigrations = schema(workspace);
        }
        assertThat(fromTemplate).contains("CREATE CACHED TABLE \"PUBLIC\".\"LABELS\"").isEqualTo(fromMigrations);
    }

    @Test
    void anExistingDatabaseIsNeverReplacedByTheTemplate() throws Exception {
        Path dir = temp.resolve("ws");
        try (Workspace workspace = Workspace.open(dir)) {
            new Importer(workspace).importBatch(Batches.samples(1, 1), ImportOptions.refuseInvalid());
        }
        WorkspaceSchema.startFromTemplateIfNew(dir, WorkspaceSchema.bundledTemplate().orElseThrow());
        try (Workspace workspace = Workspace.open(dir)) {
            assertThat(workspace.stats().samples()).isEqualTo(1);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    /**
     * The schema as H2 scripts it, without data (so without Flyway's timestamps) nor the user's random
     * salt, one statement per line in sorted order (a compacted file lists the same objects in another).
     */
    private static String schema(Workspace workspace) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection c = workspace.connection(); PreparedStatement script = c.prepareStatement("SCRIPT NODATA");
             ResultSet rows = script.executeQuery()) {
            while (rows.next()) {
                if (!rows.getString(1).startsWith("CREATE USER")) {
                    lines.add(rows.getString(1));
                }
            }
        }
        return String.join("\n", lines.stream().sorted().toList());
    }

    @Test
    void theSchemaVersionThatSkipsFlywayIsTheNewestMigration() throws Exception {
        assertThat(WorkspaceSchema.SCHEMA_VERSION).isEqualTo(Integer.toString(latestMigration()));
    }

    /* Opening an up-to-date workspace skips Flyway; anything else must still go through it. */
    @Test
    void onlyAWorkspaceWhoseLastMigrationIsTheNewestAndSucceededCountsAsUpToDate() throws Exception {
        try (Connection empty = java.sql.DriverManager.getConnection(
                "jdbc:h2:" + temp.resolve("empty").toAbsolutePath().toString().replace('\\', '/'), "sa", "")) {
            assertThat(WorkspaceSchema.upToDate(empty)).as("no history table").isFalse();
        }
        try (Workspace workspace = Workspace.open(temp.resolve("ws")); Connection c = workspace.connection()) {
            assertThat(WorkspaceSchema.upToDate(c)).isTrue();
            c.createStatement().executeUpdate("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE "
                    + "WHERE \"version\" = '" + WorkspaceSchema.SCHEMA_VERSION + "'");
            assertThat(WorkspaceSchema.upToDate(c)).as("last migration failed").isFalse();
            c.createStatement().executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '"
                    + WorkspaceSchema.SCHEMA_VERSION + "'");
            assertThat(WorkspaceSchema.upToDate(c)).as("an older workspace").isFalse();
        }
    }

    @Test
    void reopeningKeepsTheSchemaAndAppliesNoMigrationTwice() throws Exception {
        Workspace.open(temp).close();
        try (Workspace workspace = Workspace.open(temp);
             Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"type\" = 'SQL'");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(migrationCount());
            assertThat(workspace.schemaVersion()).isEqualTo(latestMigration());
        }
    }

    @Test
    void aV4WorkspaceWithLabelsGainsAnchorSetsAndKeepsItsData() throws Exception {
        try (Workspace workspace = Workspace.open(temp)) {
            new Importer(workspace).importBatch(Batches.samples(1, 1), ImportOptions.refuseInvalid());
        }
        // Take the workspace back to schema V4 (V6 adds two columns to judge_results, V5 only the two anchor
        // tables), with a label in it.
        MigrationUndo.run(temp, MigrationUndo.V6);
        org.h2.jdbcx.JdbcDataSource v4 = new org.h2.jdbcx.JdbcDataSource();
        v4.setURL(Workspace.jdbcUrl(temp.toAbsolutePath().normalize()));
        v4.setUser("juror");
        v4.setPassword("");
        try (Connection c = v4.getConnection()) {
            for (String sql : List.of("DROP TABLE anchor_labels", "DROP TABLE anchor_sets",
                    "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '5'", """
                    INSERT INTO labels (label_uid, labeller, rollout_id, comment_position, comment_id, dimension, score,
                                        rubric_version, judge_hidden, flagged, created_at, origin)
                    SELECT 'u1', 'ana', id, 0, 'c1', 'Actionability', '4', 'v1', TRUE, FALSE, CURRENT_TIMESTAMP, 'desk'
                    FROM rollouts""")) {
                try (PreparedStatement statement = c.prepareStatement(sql)) {
                    statement.execute();
                }
            }
        }

        try (Workspace workspace = Workspace.open(temp)) {
            assertThat(workspace.schemaVersion()).isEqualTo(latestMigration());
            assertThat(tables(workspace)).contains("ANCHOR_SETS", "ANCHOR_LABELS");
            assertThat(new LabelRepository(workspace).count()).isEqualTo(1);
            var rubric = new dev.juror.rubric.RubricYaml().read(Path.of("rubrics/contract-review.yaml"));
            AnchorSets.Loaded frozen = new AnchorSets(workspace).freeze("after-upgrade", rubric, null);
            assertThat(frozen.set().labels()).isEqualTo(1);
        }
    }

    @Test
    void dataSurvivesCloseAndReopen() {
        try (Workspace workspace = Workspace.open(temp)) {
            new Importer(workspace).importBatch(Batches.samples(3, 2), ImportOptions.refuseInvalid());
        }
        try (Workspace workspace = Workspace.open(temp)) {
            WorkspaceStats stats = workspace.stats();
            assertThat(stats.samples()).isEqualTo(3);
            assertThat(stats.rollouts()).isEqualTo(6);
            assertThat(stats.comments()).isEqualTo(12);
            assertThat(new RolloutRepository(workspace).find("s2", 1)).get()
                    .satisfies(r -> assertThat(r.model()).isEqualTo("nova-lite-1"));
        }
    }

    @Test
    void aLargeImportIsCompactedOnCloseAndReadsBackIntact() {
        long openBytes;
        try (Workspace workspace = Workspace.open(temp)) {
            new Importer(workspace).importBatch(
                    dev.juror.bench.SyntheticImport.batch(400, 8, 10, 2, 40 * 1024), ImportOptions.refuseInvalid());
            openBytes = workspace.databaseBytes();
        }
        long closedBytes = temp.resolve(Workspace.DATABASE_FILE).toFile().length();
        assertThat(closedBytes).isLessThan(openBytes / 2);
        try (Workspace workspace = Workspace.open(temp)) {
            assertThat(workspace.stats().rollouts()).isEqualTo(3200);
            StoredRollout last = new RolloutRepository(workspace).find("sample-399", 7).orElseThrow();
            assertThat(last.comments()).hasSizeBetween(3, 6);
            assertThat(new DocumentRepository(workspace).documentsOf(new SampleRepository(workspace)
                    .find("sample-399").orElseThrow()).target()).hasSize(40 * 1024);
        }
    }

    @Test
    void aFolderThatCannotBeCreatedIsReportedByName() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
        Path dir = file.resolve("ws");
        assertThatThrownBy(() -> Workspace.open(dir))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("--workspace")
                .satisfies(e -> assertThat(((WorkspaceException) e).reason())
                        .isEqualTo(WorkspaceException.Reason.NOT_WRITABLE));
    }

    @Test
    void aForeignFileInPlaceOfTheDatabaseIsReportedByName() throws Exception {
        Files.writeString(temp.resolve(Workspace.DATABASE_FILE), "this is not an H2 database, just text ".repeat(200));
        assertThatThrownBy(() -> Workspace.open(temp))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining(temp.resolve(Workspace.DATABASE_FILE).toString());
    }

    @Test
    void aClosedWorkspaceRefusesNewConnections() {
        Workspace workspace = Workspace.open(temp);
        workspace.close();
        workspace.close();
        assertThatThrownBy(workspace::connection).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void theDefaultWorkspaceIsTheJurorFolderInTheHomeDirectory() {
        assertThat(Workspace.defaultDirectory())
                .isEqualTo(Path.of(System.getProperty("user.home"), "Juror"));
    }

    private static List<String> tables(Workspace workspace) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT UPPER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
