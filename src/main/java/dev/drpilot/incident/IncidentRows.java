package dev.drpilot.incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code incidents} table of an H2 log: one row per incident, its times kept in step with its events. */
final class IncidentRows {

    /** The incident a declaration event declares, as its row holds it. */
    static Incident declaredBy(IncidentEvent declaration) {
        EventData.Declared declared = (EventData.Declared) declaration.data();
        return new Incident(
                declaration.incidentId(),
                declared.runbook(),
                declared.title(),
                IncidentMode.valueOf(declared.mode()),
                declared.severity(),
                declared.commander(),
                declaration.time(),
                declared.failureStartedAt(),
                null,
                null,
                null);
    }

    static void insert(Connection connection, Incident incident) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO incidents (id, runbook_id, title, mode, severity, commander, declared_at, failure_started_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            setFields(insert, incident);
            insert.executeUpdate();
        }
    }

    /** The row as another log has it (a merge): made, or brought to that log's times. */
    static void merge(Connection connection, Incident incident) throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement(
                "MERGE INTO incidents (id, runbook_id, title, mode, severity, commander, declared_at, failure_started_at, recovered_at, closed_at)"
                        + " KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            setFields(merge, incident);
            SqlValues.setInstant(merge, 9, incident.recoveredAt());
            SqlValues.setInstant(merge, 10, incident.closedAt());
            merge.executeUpdate();
        }
    }

    private static void setFields(PreparedStatement statement, Incident incident) throws SQLException {
        statement.setString(1, incident.id());
        statement.setString(2, incident.runbookId());
        statement.setString(3, incident.title());
        statement.setString(4, incident.mode().name());
        statement.setString(5, incident.severity());
        statement.setString(6, incident.commander());
        statement.setLong(7, incident.declaredAt().toEpochMilli());
        SqlValues.setInstant(statement, 8, incident.failureStartedAt());
    }

    /**
     * The columns of an incident; a tabletop's with the time of its newest event (its own clock). Only a rehearsal is
     * looked at for injects, which only a tabletop writes: a live incident's events are not scanned.
     */
    private static final String SELECT =
            "SELECT id, runbook_id, title, mode, severity, commander, declared_at, failure_started_at, recovered_at, closed_at,"
                    + " CASE WHEN incidents.mode = 'REHEARSAL'"
                    + " AND EXISTS (SELECT 1 FROM events WHERE events.incident_id = incidents.id AND kind = 'INJECT')"
                    + " THEN (SELECT MAX(time_ms) FROM events WHERE events.incident_id = incidents.id) END"
                    + " FROM incidents";

    /** Every incident, open ones first, newest first. */
    static List<Incident> all(Connection connection) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement(SELECT + " ORDER BY closed_at IS NOT NULL, declared_at DESC")) {
            return read(select);
        }
    }

    /** One incident, or none when the log does not hold it. */
    static Optional<Incident> one(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE id = ?")) {
            select.setString(1, id);
            return read(select).stream().findFirst();
        }
    }

    private static List<Incident> read(PreparedStatement select) throws SQLException {
        List<Incident> incidents = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                incidents.add(new Incident(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        IncidentMode.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        Instant.ofEpochMilli(rs.getLong(7)),
                        SqlValues.instant(rs, 8),
                        SqlValues.instant(rs, 9),
                        SqlValues.instant(rs, 10),
                        SqlValues.instant(rs, 11)));
            }
        }
        return incidents;
    }

    /** Sets one of the row's times ({@code failure_started_at}, {@code recovered_at}, {@code closed_at}); false when there is no such incident. */
    static boolean set(Connection connection, String column, Instant value, String id) throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE incidents SET " + column + " = ? WHERE id = ?")) {
            SqlValues.setInstant(update, 1, value);
            update.setString(2, id);
            return update.executeUpdate() == 1;
        }
    }

    /** Open again: neither recovered nor closed. */
    static void reopen(Connection connection, String id) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE incidents SET recovered_at = NULL, closed_at = NULL WHERE id = ?")) {
            update.setString(1, id);
            update.executeUpdate();
        }
    }

    private IncidentRows() {}
}
