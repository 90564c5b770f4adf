package dev.drpilot.incident;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Test setup for logs too large to build one acknowledged append at a time (each is synced to
 * disk): notes chained onto an incident's last event, written in one transaction (sent in batches of
 * 10,000), as the store would have written them.
 */
public final class BulkNotes {

    private BulkNotes() {}

    /** Adds notes "event N" to {@code incidentId} until it has {@code total} events; the log must be closed. */
    public static void fill(Path log, String incidentId, int total) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + log.toAbsolutePath(), "sa", "")) {
            connection.setAutoCommit(false);
            long sequence;
            String previous;
            try (PreparedStatement tail = connection.prepareStatement(
                    "SELECT sequence, hash FROM events WHERE incident_id = ? ORDER BY sequence DESC LIMIT 1")) {
                tail.setString(1, incidentId);
                try (ResultSet rs = tail.executeQuery()) {
                    rs.next();
                    sequence = rs.getLong(1);
                    previous = rs.getString(2);
                }
            }
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO events (incident_id, sequence, time_ms, kind, actor,"
                            + " payload, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                long time = System.currentTimeMillis();
                MessageDigest sha256 = HashChain.sha256();
                while (sequence < total) {
                    sequence++;
                    String payload = "{\"text\":\"event " + sequence + "\"}";
                    String hash = HashChain.hash(
                            sha256,
                            incidentId,
                            sequence,
                            time,
                            EventKind.NOTE,
                            "test",
                            null,
                            payload,
                            null,
                            null,
                            previous);
                    insert.setString(1, incidentId);
                    insert.setLong(2, sequence);
                    insert.setLong(3, time);
                    insert.setString(4, EventKind.NOTE.name());
                    insert.setString(5, "test");
                    insert.setString(6, payload);
                    insert.setString(7, previous);
                    insert.setString(8, hash);
                    insert.addBatch();
                    if (sequence % 10_000 == 0) insert.executeBatch();
                    previous = hash;
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }
}
