package dev.juror.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalLong;

/** Small JDBC helpers shared by the repositories and the importer. */
final class Sql {

    private Sql() {
    }

    static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? Instant.EPOCH : value.toInstant();
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A nullable BIGINT column. */
    static OptionalLong optionalLong(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }

    static String emptyIfNull(String value) {
        return value == null ? "" : value;
    }

    static String nullIfEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** Reads one row of a result into a value. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /**
     * Runs a prepared SELECT with its parameters and reads every row.
     *
     * @param what what is read, for the error ("labels"): "Cannot read labels"
     */
    static <T> java.util.List<T> select(Workspace workspace, String what, String sql, RowReader<T> reader,
                                        Object... parameters) {
        try (java.sql.Connection c = workspace.connection();
             java.sql.PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            java.util.List<T> out = new java.util.ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    out.add(reader.read(rows));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Cannot read " + what, e);
        }
    }

    /** As {@link #select}, each row as its column values. */
    static java.util.List<Object[]> rows(Workspace workspace, String what, String sql, Object... parameters) {
        return select(workspace, what, sql, rows -> {
            int columns = rows.getMetaData().getColumnCount();
            Object[] row = new Object[columns];
            for (int i = 0; i < columns; i++) {
                row[i] = rows.getObject(i + 1);
            }
            return row;
        }, parameters);
    }
}
