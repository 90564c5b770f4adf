package dev.drpilot.teamlog;

import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The team log's rows as events, and back: shared by the store and the listener (which has a connection of its own). */
final class TeamEventRows {

    private static final String COLUMNS =
            "merged_order, responder, laptop_id, incident_id, writer_sequence, time_ms, kind,"
                    + " actor, step_id, payload, corrects, occurred_at, previous_hash, hash";

    private TeamEventRows() {}

    /** An incident's events after a merged order, in merged order. */
    static List<TeamEvent> after(Connection connection, String incidentId, long mergedOrder) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM team_events WHERE incident_id = ? AND merged_order > ? ORDER BY merged_order")) {
            select.setString(1, incidentId);
            select.setLong(2, mergedOrder);
            return read(select);
        }
    }

    /** At most {@code limit} of one laptop's events of an incident, after a sequence of its own up to another, in its order. */
    static List<TeamEvent> ofLaptop(
            Connection connection, String incidentId, String laptop, long afterSequence, long upToSequence, int limit)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM team_events WHERE incident_id = ? AND laptop_id = ? AND writer_sequence > ?"
                + " AND writer_sequence <= ? ORDER BY writer_sequence LIMIT ?")) {
            select.setString(1, incidentId);
            select.setString(2, laptop);
            select.setLong(3, afterSequence);
            select.setLong(4, upToSequence);
            select.setInt(5, limit);
            return read(select);
        }
    }

    private static List<TeamEvent> read(PreparedStatement select) throws SQLException {
        List<TeamEvent> events = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                IncidentEvent event = new IncidentEvent(
                        rs.getString(4),
                        rs.getLong(5),
                        Instant.ofEpochMilli(rs.getLong(6)),
                        EventKind.valueOf(rs.getString(7)),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        nullableLong(rs, 11),
                        instant(rs, 12),
                        rs.getString(13),
                        rs.getString(14));
                events.add(new TeamEvent(rs.getLong(1), new Writer(rs.getString(2), rs.getString(3)), event));
            }
        }
        return events;
    }

    /** Adds the events to a batch of inserts that skip an event already stored (same id). */
    static PreparedStatement inserts(Connection connection, Writer writer, List<IncidentEvent> events)
            throws SQLException {
        PreparedStatement insert =
                connection.prepareStatement("INSERT INTO team_events (event_id, incident_id, laptop_id,"
                        + " responder, writer_sequence, time_ms, kind, actor, step_id, payload, corrects, occurred_at, previous_hash,"
                        + " hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING");
        for (IncidentEvent e : events) {
            insert.setString(1, e.hash());
            insert.setString(2, e.incidentId());
            insert.setString(3, writer.laptop());
            insert.setString(4, writer.responder());
            insert.setLong(5, e.sequence());
            insert.setLong(6, e.time().toEpochMilli());
            insert.setString(7, e.kind().name());
            insert.setString(8, e.actor());
            insert.setString(9, e.stepId());
            insert.setString(10, e.payload());
            setLong(insert, 11, e.corrects());
            setLong(insert, 12, e.occurredAt() == null ? null : e.occurredAt().toEpochMilli());
            insert.setString(13, e.previousHash());
            insert.setString(14, e.hash());
            insert.addBatch();
        }
        return insert;
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) statement.setNull(index, Types.BIGINT);
        else statement.setLong(index, value);
    }

    private static Long nullableLong(ResultSet rs, int index) throws SQLException {
        long value = rs.getLong(index);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, int index) throws SQLException {
        Long value = nullableLong(rs, index);
        return value == null ? null : Instant.ofEpochMilli(value);
    }
}
