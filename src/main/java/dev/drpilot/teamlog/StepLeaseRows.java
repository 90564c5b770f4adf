package dev.drpilot.teamlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;

/**
 * The SQL of step leases (table {@code step_leases}, migration V2). Every time is the server's
 * ({@code now()}), so a laptop whose clock is wrong takes and keeps leases as the others do.
 */
final class StepLeaseRows {

    /**
     * Takes the lease, in one statement, when there is none, it expired, or it is this laptop's own;
     * returns the holder after it: this writer, or the one whose lease stands. The second SELECT
     * sees the row as it was before the statement, which is the holder that kept it.
     */
    private static final String ACQUIRE = """
            WITH taken AS (
                INSERT INTO step_leases AS l
                    (incident_id, step_id, laptop_id, responder, acquired_at, renewed_at, expires_at)
                VALUES (?, ?, ?, ?, now(), now(), now() + ? * interval '1 millisecond')
                ON CONFLICT (incident_id, step_id) DO UPDATE
                    SET laptop_id = EXCLUDED.laptop_id, responder = EXCLUDED.responder, acquired_at = now(),
                        renewed_at = now(), expires_at = EXCLUDED.expires_at, succeeded_at = NULL
                    WHERE l.expires_at <= now() OR l.laptop_id = EXCLUDED.laptop_id
                RETURNING laptop_id, responder, expires_at, succeeded_at)
            SELECT laptop_id, responder, expires_at, succeeded_at FROM taken
            UNION ALL
            SELECT laptop_id, responder, expires_at, succeeded_at FROM step_leases
                WHERE incident_id = ? AND step_id = ? AND NOT EXISTS (SELECT 1 FROM taken)
            """;

    private StepLeaseRows() {}

    /** @return the holder, or null when the lease changed hands while the statement ran (ask again) */
    static LeaseHolder acquire(Connection c, Writer writer, String incidentId, String stepId, Duration ttl)
            throws SQLException {
        try (PreparedStatement acquire = c.prepareStatement(ACQUIRE)) {
            acquire.setString(1, incidentId);
            acquire.setString(2, stepId);
            acquire.setString(3, writer.laptop());
            acquire.setString(4, writer.responder());
            acquire.setLong(5, ttl.toMillis());
            acquire.setString(6, incidentId);
            acquire.setString(7, stepId);
            try (ResultSet rs = acquire.executeQuery()) {
                if (!rs.next()) return null;
                Timestamp succeeded = rs.getTimestamp(4);
                return new LeaseHolder(
                        new Writer(rs.getString(2), rs.getString(1)),
                        succeeded == null ? rs.getTimestamp(3).toInstant() : null,
                        succeeded == null ? null : succeeded.toInstant());
            }
        }
    }

    /**
     * Pushes the end of this laptop's lease to {@code ttl} from now; false when it holds it no more. A
     * lease that expired is not brought back: another laptop may have been told it is free.
     */
    static boolean renew(Connection c, Writer writer, String incidentId, String stepId, Duration ttl)
            throws SQLException {
        try (PreparedStatement renew = c.prepareStatement("UPDATE step_leases SET renewed_at = now(),"
                + " expires_at = now() + ? * interval '1 millisecond'"
                + " WHERE incident_id = ? AND step_id = ? AND laptop_id = ? AND succeeded_at IS NULL"
                + " AND expires_at > now()")) {
            renew.setLong(1, ttl.toMillis());
            renew.setString(2, incidentId);
            renew.setString(3, stepId);
            renew.setString(4, writer.laptop());
            return renew.executeUpdate() == 1;
        }
    }

    /**
     * Ends this laptop's lease: after a success the row stays, without end, so that no other laptop
     * runs the step again; otherwise it expires now and the next laptop may take it at once.
     */
    static void release(Connection c, Writer writer, String incidentId, String stepId, boolean succeeded)
            throws SQLException {
        String end = succeeded
                ? "UPDATE step_leases SET expires_at = 'infinity', succeeded_at = now(), renewed_at = now()"
                : "UPDATE step_leases SET expires_at = now()";
        try (PreparedStatement release = c.prepareStatement(
                end + " WHERE incident_id = ? AND step_id = ? AND laptop_id = ? AND succeeded_at IS NULL")) {
            release.setString(1, incidentId);
            release.setString(2, stepId);
            release.setString(3, writer.laptop());
            release.executeUpdate();
        }
    }
}
