package dev.drpilot.incident;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** Nullable times and numbers to and from the log's columns (milliseconds since the epoch). */
final class SqlValues {

    static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        setLong(statement, index, value == null ? null : value.toEpochMilli());
    }

    static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) statement.setNull(index, Types.BIGINT);
        else statement.setLong(index, value);
    }

    static Long nullableLong(ResultSet rs, int index) throws SQLException {
        long value = rs.getLong(index);
        return rs.wasNull() ? null : value;
    }

    static Instant instant(ResultSet rs, int index) throws SQLException {
        Long value = nullableLong(rs, index);
        return value == null ? null : Instant.ofEpochMilli(value);
    }

    private SqlValues() {}
}
