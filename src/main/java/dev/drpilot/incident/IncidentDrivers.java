package dev.drpilot.incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who drives each incident of a log, as rows every process on the log reads: a claim, its
 * heartbeat, its release. Claims change hands by compare-and-set on the row, so two processes
 * never both hold one; a take-over is also written to the incident's log.
 */
public final class IncidentDrivers {

    /** How often a holder says it is still there: well inside {@link Driver#STALE_AFTER}. */
    public static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(5);

    private final IncidentLogStore log;
    private final Seat seat;
    private final Clock clock;
    /** The incidents this seat holds, as far as it knows: claimed again in a log the store continues in. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    IncidentDrivers(IncidentLogStore log, Seat seat, Clock clock) {
        this.log = log;
        this.seat = seat;
        this.clock = clock;
    }

    /** This log's own seat: who, where and which process its claims name. */
    public Seat seat() {
        return seat;
    }

    public Optional<Driver> driver(String incidentId) {
        return log.withConnection("read who drives " + incidentId, connection -> read(connection, incidentId));
    }

    /**
     * Claims the incident for this seat: kept when it is ours already, taken when nobody holds it
     * or its holder went stale, and taken from a live holder only when {@code overLiveHolder}.
     * Taking it from another seat writes {@link EventKind#INCIDENT_TAKEN_OVER}.
     */
    public Claim claim(String incidentId, boolean overLiveHolder) {
        return log.withConnection("claim " + incidentId, connection -> {
            while (true) {
                Instant now = clock.instant();
                Optional<Driver> current = read(connection, incidentId);
                if (current.isEmpty()) {
                    if (insert(connection, incidentId, now))
                        return held(incidentId, new Claim(true, null, false, null));
                    continue;
                }
                Driver holder = current.get();
                if (holder.seat().token().equals(seat.token())) {
                    if (holder.heartbeat().plus(HEARTBEAT_EVERY).isAfter(now) || beat(connection, incidentId, now)) {
                        return held(incidentId, new Claim(true, null, false, null));
                    }
                    continue;
                }
                boolean live = !holder.stale(now);
                if (live && !overLiveHolder) return new Claim(false, holder, true, null);
                if (replace(connection, incidentId, holder, now)) {
                    IncidentEvent event = log.append(incidentId, EventDraft.of(takeOver(holder, live, now), null));
                    return held(incidentId, new Claim(true, holder, live, event));
                }
            }
        });
    }

    /** Says this seat is still there; false when the claim is no longer ours (taken over, or released). */
    public boolean heartbeat(String incidentId) {
        boolean ours = log.withConnection(
                "refresh the claim on " + incidentId, connection -> beat(connection, incidentId, clock.instant()));
        if (!ours) held.remove(incidentId);
        return ours;
    }

    /** Lets go of the incident, if this seat holds it. */
    public void release(String incidentId) {
        held.remove(incidentId);
        log.withConnection("release " + incidentId, connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM drivers WHERE incident_id = ? AND seat = ?")) {
                delete.setString(1, incidentId);
                delete.setString(2, seat.token());
                return delete.executeUpdate();
            }
        });
    }

    /** The time claims are judged by: the wall clock, whatever clock an incident's events run on. */
    public Instant now() {
        return clock.instant();
    }

    private Claim held(String incidentId, Claim claim) {
        held.add(incidentId);
        return claim;
    }

    /** In the log the store goes on in, this seat drives what it drove: the window and the terminal keep their steps. */
    void claimAgain(Connection connection) throws SQLException {
        Instant now = clock.instant();
        for (String incidentId : held) {
            if (read(connection, incidentId).isEmpty()) insert(connection, incidentId, now);
        }
    }

    private EventData.TakenOver takeOver(Driver holder, boolean live, Instant now) {
        return new EventData.TakenOver(
                holder.seat().label(),
                seat.label(),
                holder.since(),
                !live,
                live
                        ? null
                        : Math.max(0, now.getEpochSecond() - holder.heartbeat().getEpochSecond()));
    }

    private static Optional<Driver> read(Connection connection, String incidentId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seat, who, host, pid, since, heartbeat FROM drivers WHERE incident_id = ?")) {
            select.setString(1, incidentId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Driver(
                        new Seat(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)),
                        Instant.ofEpochMilli(rs.getLong(5)),
                        Instant.ofEpochMilli(rs.getLong(6))));
            }
        }
    }

    /** False when another process inserted its claim first. */
    private boolean insert(Connection connection, String incidentId, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO drivers (incident_id, seat, who, host, pid, since, heartbeat) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, incidentId);
            insert.setString(2, seat.token());
            insert.setString(3, seat.who());
            insert.setString(4, seat.host());
            insert.setLong(5, seat.pid());
            insert.setLong(6, now.toEpochMilli());
            insert.setLong(7, now.toEpochMilli());
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) return false;
            throw e;
        }
    }

    private boolean beat(Connection connection, String incidentId, Instant now) throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE drivers SET heartbeat = ? WHERE incident_id = ? AND seat = ?")) {
            update.setLong(1, now.toEpochMilli());
            update.setString(2, incidentId);
            update.setString(3, seat.token());
            return update.executeUpdate() == 1;
        }
    }

    /** False when the holder changed or beat in the meantime. */
    private boolean replace(Connection connection, String incidentId, Driver holder, Instant now) throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE drivers SET seat = ?, who = ?, host = ?, pid = ?, since = ?,"
                        + " heartbeat = ? WHERE incident_id = ? AND seat = ? AND heartbeat = ?")) {
            update.setString(1, seat.token());
            update.setString(2, seat.who());
            update.setString(3, seat.host());
            update.setLong(4, seat.pid());
            update.setLong(5, now.toEpochMilli());
            update.setLong(6, now.toEpochMilli());
            update.setString(7, incidentId);
            update.setString(8, holder.seat().token());
            update.setLong(9, holder.heartbeat().toEpochMilli());
            return update.executeUpdate() == 1;
        }
    }
}
