package dev.juror.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A Juror workspace: a folder holding the embedded H2 database {@code juror.mv.db} (plus import
 * reports). Opening it creates the folder and the database if needed and brings the schema up to
 * date with the Flyway migrations in {@code db/migration}. A plain object: open it, pass it to the
 * repositories (the import use case writes through {@link ImportRepository}), close it.
 *
 * <p>Durability: every commit is written to the database file before {@code commit()} returns
 * ({@code WRITE_DELAY=0}), so killing the process right after a commit loses nothing; see
 * {@code docs/store.md} and {@code WorkspaceDurabilityTest}.
 */
public final class Workspace implements AutoCloseable {

    public static final String DATABASE_NAME = "juror";
    public static final String DATABASE_FILE = DATABASE_NAME + ".mv.db";
    /** The folder name of the default workspace, inside the user's home. */
    public static final String DEFAULT_FOLDER = "Juror";

    /*
     * WRITE_DELAY=0: write each commit to the file at once instead of up to 500 ms later.
     * CACHE_SIZE (KB): 64 MB instead of 16 MB; a large import otherwise re-reads pages it just wrote.
     * MAX_COMPACT_TIME=0: H2 otherwise spends up to 200 ms moving chunks on every close, which is most
     * of closing a small workspace and is paid by every command; close() compacts a file that needs it
     * (compactIfSparse), and H2 reuses the free space of the others.
     * AUTO_SERVER=TRUE: H2's mixed mode. The first process to open the workspace opens the file and
     * serves it to the others (the command line beside an open workbench) over a loopback TCP port
     * whose address and random key are in juror.lock.db; AUTO_RECONNECT=TRUE lets them carry on
     * (one of them opening the file) when that first process closes. See docs/store.md.
     * DB_CLOSE_ON_EXIT: H2 refuses FALSE in mixed mode, so its shutdown hook closes the database when
     * the JVM exits; a run still storing results then (Ctrl-C) loses only calls a resume redoes, and a
     * run left 'running' is marked 'interrupted' on the next open. Without mixed mode (below) it stays
     * FALSE, as before: Juror closes the workspace itself.
     */
    private static final String URL_SETTINGS = ";WRITE_DELAY=0;CACHE_SIZE=65536;MAX_COMPACT_TIME=0";
    private static final String MIXED_MODE = ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE";
    private static final String SINGLE_PROCESS = ";DB_CLOSE_ON_EXIT=FALSE";
    private static final String LOOPBACK = "127.0.0.1";

    static {
        // H2's mixed-mode server listens on every interface unless told otherwise: a workspace is shared
        // between processes of this machine only. Read once, when H2 first loads; Workspace loads it.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", LOOPBACK);
        }
    }
    /** Compact on close when less than this share of the file's chunks is live data... */
    private static final int COMPACT_BELOW_FILL_PERCENT = 50;
    /** ...and the file is big enough for that to matter. */
    private static final long COMPACT_ABOVE_BYTES = 8L * 1024 * 1024;
    private static final int MAX_POOLED_CONNECTIONS = 16;

    private final Path directory;
    private final JdbcConnectionPool pool;
    /** Keeps the database, and with it H2's file lock, open while the workspace is open. */
    private final Connection keeper;
    private volatile boolean closed;

    private Workspace(Path directory, JdbcConnectionPool pool, Connection keeper) {
        this.directory = directory;
        this.pool = pool;
        this.keeper = keeper;
    }

    /** {@code ~/Juror}: the workspace used when none is given. */
    public static Path defaultDirectory() {
        return Path.of(System.getProperty("user.home"), DEFAULT_FOLDER);
    }

    /**
     * Opens (and if needed creates) the workspace in {@code dir} and migrates its schema.
     *
     * @throws WorkspaceException if the folder cannot be written, the database is in use by another
     *                            process, or the database file cannot be read or migrated
     */
    public static Workspace open(Path dir) {
        return open(dir, WorkspaceSchema.bundledTemplate());
    }

    /** {@code template}: the empty database a new workspace starts as; without one Flyway builds it. */
    static Workspace open(Path dir, java.util.Optional<java.net.URL> template) {
        Path directory = dir.toAbsolutePath().normalize();
        prepareFolder(directory);
        template.ifPresent(empty -> WorkspaceSchema.startFromTemplateIfNew(directory, empty));
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(jdbcUrl(directory));
        dataSource.setUser("juror");
        dataSource.setPassword("");
        Connection keeper = openKeeper(directory, dataSource);
        try {
            refuseReadOnly(directory, keeper);
            WorkspaceSchema.bringUpToDate(directory, keeper, dataSource);
        } catch (WorkspaceException e) {
            closeQuietly(keeper);
            throw e;
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(dataSource);
        pool.setMaxConnections(MAX_POOLED_CONNECTIONS);
        Workspace workspace = new Workspace(directory, pool, keeper);
        markAbandonedRuns(workspace);
        return workspace;
    }

    /** Judge runs left {@code running} by a killed process become {@code interrupted}; see JudgeRunRepository. */
    private static void markAbandonedRuns(Workspace workspace) {
        try {
            List<Long> marked = Repositories.of(workspace).judgeRuns().markAbandonedRunsInterrupted();
            if (!marked.isEmpty()) {
                org.slf4j.LoggerFactory.getLogger(Workspace.class).info(
                        "Judge runs {} of {} were running in a process that is gone; marked interrupted", marked,
                        workspace.directory());
            }
        } catch (StoreException e) {
            // Opening must not fail for this: the runs just keep showing as running.
            org.slf4j.LoggerFactory.getLogger(Workspace.class).warn("Could not check the running judge runs of {}",
                    workspace.directory(), e);
        }
    }

    static String jdbcUrl(Path directory) {
        String base = directory.resolve(DATABASE_NAME).toString().replace('\\', '/');
        return "jdbc:h2:file:" + base + URL_SETTINGS + (mixedModeIsLocal() ? MIXED_MODE : SINGLE_PROCESS);
    }

    /**
     * Mixed mode only while H2's server would listen on loopback: someone who set {@code h2.bindAddress}
     * elsewhere before H2 loaded gets one process per workspace, as before, rather than an open port.
     */
    static boolean mixedModeIsLocal() {
        String bind = org.h2.engine.SysProperties.BIND_ADDRESS;
        return bind != null && (bind.equals(LOOPBACK) || bind.equals("localhost") || bind.equals("::1"));
    }

    private static void prepareFolder(Path directory) {
        if (directory.toString().contains(";")) {
            throw new WorkspaceException(WorkspaceException.Reason.NOT_WRITABLE,
                    "Workspace folder " + directory + " contains ';', which the database URL cannot hold; "
                            + "choose a folder without ';' in its path.", null);
        }
        try {
            Files.createDirectories(directory);
            // isWritable() says yes to root on read-only mounts; a real file write settles it.
            Path probe = Files.createTempFile(directory, ".juror-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new WorkspaceException(WorkspaceException.Reason.NOT_WRITABLE,
                    "Workspace folder " + directory + " cannot be created or written (" + reason(e)
                            + "); fix its permissions or choose another folder (--workspace DIR).", e);
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException fileExists) {
            return fileExists.getFile() + " exists and is not a folder";
        }
        if (e instanceof java.nio.file.FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return String.valueOf(e.getMessage());
    }

    private static Connection openKeeper(Path directory, JdbcDataSource dataSource) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw translateOpenFailure(directory, e);
        }
    }

    static WorkspaceException translateOpenFailure(Path directory, SQLException e) {
        Path file = directory.resolve(DATABASE_FILE);
        if (e.getErrorCode() == ErrorCode.FEATURE_NOT_SUPPORTED_1 && String.valueOf(e.getMessage()).contains("readOnly")) {
            // Mixed mode (AUTO_SERVER) refuses a read-only file outright, before refuseReadOnly can say so.
            return readOnlyDatabase(directory);
        }
        if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
            return new WorkspaceException(WorkspaceException.Reason.LOCKED,
                    "Workspace " + directory + " is in use by another process (H2 holds a lock on " + file
                            + "); close the other Juror window or command, or choose another folder (--workspace DIR).",
                    e);
        }
        if (e.getErrorCode() == ErrorCode.FILE_CORRUPTED_1 || e.getErrorCode() == ErrorCode.FILE_VERSION_ERROR_1
                || e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
            return new WorkspaceException(WorkspaceException.Reason.UNREADABLE_DATABASE,
                    "Workspace database " + file + " cannot be read as a Juror workspace (" + e.getMessage()
                            + "); restore it from a backup or choose another folder (--workspace DIR).", e);
        }
        return new WorkspaceException(WorkspaceException.Reason.UNREADABLE_DATABASE,
                "Workspace database " + file + " could not be opened (" + e.getMessage()
                        + "); check the folder, or choose another one (--workspace DIR).", e);
    }

    /**
     * H2 opens a database file it may not write in read-only mode without a word; every later write would
     * then fail deep inside an import or a label with "The database is read only". Refuse at the door,
     * where the message can say what to do.
     */
    private static void refuseReadOnly(Path directory, Connection keeper) {
        boolean readOnly;
        try {
            readOnly = keeper.isReadOnly();
        } catch (SQLException e) {
            throw translateOpenFailure(directory, e);
        }
        if (readOnly) {
            throw readOnlyDatabase(directory);
        }
    }

    private static WorkspaceException readOnlyDatabase(Path directory) {
        return new WorkspaceException(WorkspaceException.Reason.NOT_WRITABLE,
                "Workspace database " + directory.resolve(DATABASE_FILE) + " is read-only; make the file writable,"
                        + " or copy the workspace to a folder you may write and open that (--workspace DIR).", null);
    }

    public Path directory() {
        return directory;
    }

    public Path databaseFile() {
        return directory.resolve(DATABASE_FILE);
    }

    /**
     * A connection from the workspace's small pool, in auto-commit mode. Close it when done (it
     * returns to the pool); a caller that turns auto-commit off must commit or roll back first.
     */
    public Connection connection() throws SQLException {
        if (closed) {
            throw new IllegalStateException("Workspace " + directory + " is closed");
        }
        Connection connection = pool.getConnection();
        if (!connection.getAutoCommit()) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        return connection;
    }

    /** Size of the database file in bytes (0 if it does not exist yet). */
    public long databaseBytes() {
        try {
            Path file = databaseFile();
            return Files.exists(file) ? Files.size(file) : 0L;
        } catch (IOException e) {
            throw new StoreException("Cannot read the size of " + databaseFile(), e);
        }
    }

    /** The schema version applied by the migrations (1 for V1). */
    public int schemaVersion() {
        try (Connection c = connection();
             var statement = c.prepareStatement(
                     "SELECT MAX(CAST(\"version\" AS INTEGER)) FROM \"flyway_schema_history\" WHERE \"success\"");
             var rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new StoreException("Cannot read the schema version of " + directory, e);
        }
    }

    public WorkspaceStats stats() {
        return WorkspaceStats.of(this);
    }

    public boolean isClosed() {
        return closed;
    }

    /** Closes every connection; the database file is closed and its lock released. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        pool.dispose();
        compactIfSparse();
        closeQuietly(keeper);
    }

    /*
     * H2 writes append-only and keeps replaced chunks for 45 s (RETENTION_TIME), so a large import
     * leaves the file several times bigger than its live data (20,000 rollouts: 366 MB file, 26 %
     * live). A full compaction on close rewrites only the live data, compressed: 40 MB for that
     * import, in a few seconds. It is skipped when the file is small or mostly live.
     */
    private void compactIfSparse() {
        try {
            // A connection still in use elsewhere would be cut off by SHUTDOWN: leave the file as it is.
            // That includes other processes sharing the workspace (mixed mode), whether this process
            // serves the file or uses another's: any session but the keeper's.
            if (pool.getActiveConnections() > 0 || databaseBytes() < COMPACT_ABOVE_BYTES || otherSessions() > 0
                    || chunkFillPercent() >= COMPACT_BELOW_FILL_PERCENT) {
                return;
            }
            try (PreparedStatement shutdown = keeper.prepareStatement("SHUTDOWN COMPACT")) {
                shutdown.execute();
            }
        } catch (SQLException | StoreException e) {
            // The data is committed either way; only the file stays larger than it needs to be.
            org.slf4j.LoggerFactory.getLogger(Workspace.class).warn("Could not compact {}", databaseFile(), e);
        }
    }

    private int otherSessions() throws SQLException {
        try (PreparedStatement select = keeper.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS");
             ResultSet rows = select.executeQuery()) {
            return rows.next() ? rows.getInt(1) - 1 : 0;
        }
    }

    private int chunkFillPercent() throws SQLException {
        try (PreparedStatement select = keeper.prepareStatement(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'");
             ResultSet rows = select.executeQuery()) {
            return rows.next() ? Integer.parseInt(rows.getString(1).trim()) : 100;
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing on the way out: nothing useful to do with a failure here.
        }
    }

    @Override
    public String toString() {
        return "Workspace[" + directory + "]";
    }
}
