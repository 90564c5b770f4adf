package dev.drpilot.teamlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/** The approvals table's rows (migration V2): requests, their decisions, and the newest request of a step. */
final class ApprovalRows {

    private static final String COLUMNS = "request_id, incident_id, step_id, requested_by, laptop_id, command, target,"
            + " account, requested_at, decided_by, decision, reason, decided_at";

    private ApprovalRows() {}

    /** Stores a request once: a second store of the same request id is a no-op. */
    static void insert(Connection c, Approval request) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO approvals (request_id, incident_id, step_id,"
                + " requested_by, laptop_id, command, target, account) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (request_id) DO NOTHING")) {
            insert.setString(1, request.requestId());
            insert.setString(2, request.incidentId());
            insert.setString(3, request.stepId());
            insert.setString(4, request.requestedBy());
            insert.setString(5, request.laptop());
            insert.setString(6, request.command());
            insert.setString(7, request.target());
            insert.setString(8, request.account());
            insert.executeUpdate();
        }
    }

    /** Decides an undecided request; false when there is none by that id, or it was decided already. */
    static boolean decide(Connection c, String requestId, String decidedBy, boolean approved, String reason)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE approvals SET decided_by = ?, decision = ?,"
                + " reason = ?, decided_at = now() WHERE request_id = ? AND decision IS NULL")) {
            update.setString(1, decidedBy);
            update.setString(2, approved ? "approved" : "refused");
            update.setString(3, reason);
            update.setString(4, requestId);
            return update.executeUpdate() == 1;
        }
    }

    static Optional<Approval> byId(Connection c, String requestId) throws SQLException {
        try (PreparedStatement query =
                c.prepareStatement("SELECT " + COLUMNS + " FROM approvals WHERE request_id = ?")) {
            query.setString(1, requestId);
            return first(query);
        }
    }

    /** The step's newest request, decided or not. */
    static Optional<Approval> newest(Connection c, String incidentId, String stepId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT " + COLUMNS + " FROM approvals"
                + " WHERE incident_id = ? AND step_id = ? ORDER BY requested_at DESC, request_id LIMIT 1")) {
            query.setString(1, incidentId);
            query.setString(2, stepId);
            return first(query);
        }
    }

    private static Optional<Approval> first(PreparedStatement query) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            if (!rs.next()) return Optional.empty();
            String decision = rs.getString("decision");
            return Optional.of(new Approval(
                    rs.getString("request_id"),
                    rs.getString("incident_id"),
                    rs.getString("step_id"),
                    rs.getString("requested_by"),
                    rs.getString("laptop_id"),
                    rs.getString("command"),
                    rs.getString("target"),
                    rs.getString("account"),
                    instant(rs.getTimestamp("requested_at")),
                    rs.getString("decided_by"),
                    decision == null ? null : decision.equals("approved"),
                    rs.getString("reason"),
                    instant(rs.getTimestamp("decided_at"))));
        }
    }

    private static java.time.Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
