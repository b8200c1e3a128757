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
}
