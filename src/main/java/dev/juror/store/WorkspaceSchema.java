package dev.juror.store;

import dev.juror.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a workspace database's schema up to date with the Flyway migrations in {@code db/migration}.
 *
 * <p>Two shortcuts, both only for databases the bundled migrations already describe exactly:
 * <ul>
 * <li>A new workspace starts as a copy of {@value #TEMPLATE_RESOURCE}, an empty database the build
 *     creates by running those same migrations ({@link WorkspaceTemplateBuilder}); running them
 *     again for every new workspace costs about three times as long as the copy, most of it H2
 *     rebuilding a table for each added column.</li>
 * <li>A workspace whose history ends with the newest migration, applied successfully, is opened
 *     without Flyway, whose set-up and validation every command would otherwise pay.</li>
 * </ul>
 * Anything else (an older workspace, a newer one, a failed migration, no template) goes through Flyway,
 * which migrates or says what is wrong.
 */
final class WorkspaceSchema {

    /**
     * The version of the newest migration in {@code db/migration}. {@code WorkspaceTest} fails when a
     * newer migration is added without raising it.
     */
    static final String SCHEMA_VERSION = "16";

    /** The empty workspace database built with Juror (see the pom's {@code workspace-template} step). */
    static final String TEMPLATE_RESOURCE = "/db/empty-workspace.mv.db";

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceSchema.class);

    private WorkspaceSchema() {
    }

    static Optional<URL> bundledTemplate() {
        return Optional.ofNullable(WorkspaceSchema.class.getResource(TEMPLATE_RESOURCE));
    }

    /**
     * Puts a copy of the template in {@code directory} as its database when it has none yet. The copy
     * is written beside the target and linked into place only if nothing is there, so a process
     * opening the same new folder at the same moment never sees half a file nor loses its own. Any
     * failure leaves the folder as it was, and Flyway creates the schema instead.
     */
    static void startFromTemplateIfNew(Path directory, URL template) {
        Path database = directory.resolve(Workspace.DATABASE_FILE);
        if (Files.exists(database)) {
            return;
        }
        try {
            AtomicFiles.Staged copy = AtomicFiles.stageBytes(database, AtomicFiles.Permissions.ORDINARY, out -> {
                try (InputStream in = template.openStream()) {
                    in.transferTo(out);
                }
            });
            try {
                copy.publishIfAbsent();
            } finally {
                copy.discard();
            }
        } catch (FileAlreadyExistsException e) {
            // Another process created it first: open theirs.
        } catch (IOException | RuntimeException e) {
            LOG.debug("No template copy for {}; the migrations will build the schema", directory, e);
        }
    }

    static void bringUpToDate(Path directory, Connection keeper, DataSource dataSource) {
        if (upToDate(keeper)) {
            return;
        }
        migrate(directory, dataSource);
    }

    /** Runs the Flyway migrations; the template builder uses this too, so both give the same schema. */
    static void migrate(Path directory, DataSource dataSource) {
        try {
            Flyway.configure(Workspace.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new WorkspaceException(WorkspaceException.Reason.MIGRATION_FAILED,
                    "Workspace database in " + directory + " could not be brought up to date (" + e.getMessage()
                            + "); it may come from a newer Juror. Use that version, or choose another folder.", e);
        }
    }

    /** Whether Flyway's history says the last migration applied is {@link #SCHEMA_VERSION} and it succeeded. */
    static boolean upToDate(Connection keeper) {
        try (PreparedStatement last = keeper.prepareStatement("SELECT \"version\", \"success\" FROM "
                + "\"flyway_schema_history\" ORDER BY \"installed_rank\" DESC LIMIT 1");
                ResultSet row = last.executeQuery()) {
            return row.next() && SCHEMA_VERSION.equals(row.getString(1)) && row.getBoolean(2);
        } catch (SQLException e) {
            return false; // no history table: a new workspace
        }
    }
}
