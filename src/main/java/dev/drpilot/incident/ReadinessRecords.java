package dev.drpilot.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code readiness_checks} table (migration V4): readiness runs appended with their hash chain,
 * read back in order. Used on the log's thread only, through {@link IncidentLogStore}.
 */
final class ReadinessRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReadinessRecords() {}

    /** The report with anything secret-looking redacted, as every payload of the log is. */
    static String redacted(SecretRedactor redactor, String reportJson) {
        try {
            return JSON.writeValueAsString(redactor.redact(JSON.readTree(reportJson)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a readiness report is kept as its JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Each run follows the one before it, and holds the hash of its own fields. */
    static HashChain.Verification verify(List<ReadinessRecord> records) {
        String previous = HashChain.GENESIS;
        long expected = 1;
        for (ReadinessRecord record : records) {
            String broken = record.sequence() != expected
                    ? "readiness run " + expected + " is missing (found " + record.sequence() + " next)"
                    : !record.previousHash().equals(previous)
                            ? "readiness run " + record.sequence() + " does not follow run " + (expected - 1)
                                    + ": one of them was changed or removed"
                            : !record.intact()
                                    ? "readiness run " + record.sequence() + " was changed after it was written"
                                    : null;
            if (broken != null) return new HashChain.Verification(false, (int) expected - 1, expected, broken);
            previous = record.hash();
            expected++;
        }
        return new HashChain.Verification(true, (int) expected - 1, null, null);
    }

    /** Appends a run after the newest one, committed and synced; another process that appended first shows as a key conflict. */
    static ReadinessRecord append(Connection connection, Instant checkedAt, String actor, String report)
            throws SQLException {
        connection.setAutoCommit(false);
        try {
            long sequence = 0;
            String previous = HashChain.GENESIS;
            try (PreparedStatement newest = connection.prepareStatement(
                            "SELECT sequence, hash FROM readiness_checks ORDER BY sequence DESC LIMIT 1");
                    ResultSet rs = newest.executeQuery()) {
                if (rs.next()) {
                    sequence = rs.getLong(1);
                    previous = rs.getString(2);
                }
            }
            ReadinessRecord record = ReadinessRecord.chained(sequence + 1, checkedAt, actor, report, previous);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO readiness_checks (sequence, checked_at, actor, report, previous_hash, hash)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, record.sequence());
                insert.setLong(2, record.checkedAt().toEpochMilli());
                insert.setString(3, record.actor());
                insert.setString(4, record.report());
                insert.setString(5, record.previousHash());
                insert.setString(6, record.hash());
                insert.executeUpdate();
            }
            connection.commit();
            H2EventStore.sync(connection);
            return record;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Every run kept, oldest first; none in a log made before readiness was kept (a read-only open does not migrate). */
    static List<ReadinessRecord> all(Connection connection) throws SQLException {
        List<ReadinessRecord> records = new ArrayList<>();
        try (ResultSet table = connection.getMetaData().getTables(null, null, "READINESS_CHECKS", null)) {
            if (!table.next()) return records;
        }
        try (PreparedStatement select = connection.prepareStatement(
                        "SELECT sequence, checked_at, actor, report, previous_hash, hash FROM readiness_checks"
                                + " ORDER BY sequence");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                records.add(new ReadinessRecord(
                        rs.getLong(1),
                        Instant.ofEpochMilli(rs.getLong(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)));
            }
        }
        return records;
    }
}
