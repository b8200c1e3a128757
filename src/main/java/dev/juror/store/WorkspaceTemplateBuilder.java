package dev.juror.store;

import dev.juror.io.AtomicFiles;
import dev.juror.io.TempFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Build step (the pom's {@code workspace-template} execution): creates the empty workspace database
 * that new workspaces start as ({@link WorkspaceSchema#TEMPLATE_RESOURCE}) by running the Flyway
 * migrations of this build, compacted.
 *
 * <p>Argument: the file to write, e.g. {@code target/classes/db/empty-workspace.mv.db}.
 */
public final class WorkspaceTemplateBuilder {

    private WorkspaceTemplateBuilder() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: WorkspaceTemplateBuilder OUTPUT_FILE");
        }
        build(Path.of(args[0]));
    }

    static void build(Path output) throws IOException, SQLException {
        Path work = Files.createTempDirectory("juror-workspace-template");
        try {
            JdbcDataSource dataSource = new JdbcDataSource();
            // No mixed mode: nobody else opens this database.
            dataSource.setURL("jdbc:h2:file:" + work.resolve(Workspace.DATABASE_NAME).toString().replace('\\', '/'));
            dataSource.setUser("juror");
            dataSource.setPassword("");
            try (Connection keeper = dataSource.getConnection();
                    PreparedStatement shutdown = keeper.prepareStatement("SHUTDOWN COMPACT")) {
                WorkspaceSchema.migrate(work, dataSource);
                shutdown.execute();
            }
            Path database = work.resolve(Workspace.DATABASE_FILE);
            AtomicFiles.writeBytes(output, out -> Files.copy(database, out));
        } finally {
            TempFolders.deleteQuietly(work);
        }
    }
}
