package dev.drpilot.teamlog;

import dev.drpilot.incident.EventData;
import dev.drpilot.incident.HashChain;
import dev.drpilot.incident.IncidentEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is on an incident (docs/team-log.md): responders join in a role, their laptop's heartbeat
 * keeps them present, they leave, and the commander hands command over. Joining, leaving and
 * handing over are events of the laptop's responder chain ({@link Writer#roster()}) in the team
 * log, stored in the same transaction as the change of the roles, so the log and the roles agree.
 */
public final class Responders {

    private final TeamLogStore store;

    public Responders(TeamLogStore store) {
        this.store = store;
    }

    /** Puts {@code writer} on the incident in {@code role} (again, if they had left), and logs it. */
    public void join(String incidentId, Writer writer, Role role) {
        record(
                incidentId,
                writer,
                new EventData.ResponderJoined(writer.responder(), writer.machine(), role.word()),
                c -> {
                    try (PreparedStatement upsert = c.prepareStatement("INSERT INTO responders (incident_id, laptop_id,"
                            + " responder, role, joined_at, left_at, last_seen_at) VALUES (?, ?, ?, ?, now(), NULL, now())"
                            + " ON CONFLICT (incident_id, laptop_id) DO UPDATE SET responder = EXCLUDED.responder,"
                            + " role = EXCLUDED.role, joined_at = now(), left_at = NULL, last_seen_at = now()")) {
                        upsert.setString(1, incidentId);
                        upsert.setString(2, writer.machine());
                        upsert.setString(3, writer.responder());
                        upsert.setString(4, role.word());
                        upsert.executeUpdate();
                    }
                    return null;
                });
    }

    /** Says the laptop is still there: what keeps its responder present. */
    public void heartbeat(String incidentId, Writer writer) {
        store.work(
                "could not be told this laptop is still there",
                c -> update(
                        c,
                        "UPDATE responders SET last_seen_at = now() WHERE incident_id = ? AND laptop_id = ? AND left_at IS NULL",
                        incidentId,
                        writer.machine()));
    }

    /** Takes {@code writer} off the incident, and logs it; a responder not on it is left as they are. */
    public void leave(String incidentId, Writer writer) {
        if (find(incidentId, writer.machine()) == null) return;
        record(
                incidentId,
                writer,
                new EventData.ResponderLeft(writer.responder(), writer.machine()),
                c -> update(
                        c,
                        "UPDATE responders SET left_at = now(), last_seen_at = now() WHERE incident_id = ? AND laptop_id = ?",
                        incidentId,
                        writer.machine()));
    }

    /**
     * The commander ({@code from}) hands command to the responder named {@code to}, who must be on
     * the incident; {@code from} becomes an operator. Logged as {@code COMMAND_HANDED_OVER}.
     *
     * @throws IllegalArgumentException with one sentence, when {@code from} is not the commander or {@code to} is not on the incident
     */
    public void handOver(String incidentId, Writer from, String to) {
        Responder giving = find(incidentId, from.machine());
        if (giving == null || giving.leftAt() != null || giving.role() != Role.COMMANDER) {
            throw new IllegalArgumentException(from.responder() + " is not the commander of " + incidentId
                    + ": only the commander hands command over.");
        }
        Responder taking = of(incidentId).stream()
                .filter(r ->
                        r.name().equals(to) && r.leftAt() == null && !r.laptop().equals(from.machine()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        to + " is not on " + incidentId + ": they join it first (drpilot join " + incidentId + ")."));
        record(incidentId, from, new EventData.CommandHandedOver(from.responder(), to), c -> {
            update(
                    c,
                    "UPDATE responders SET role = 'operator' WHERE incident_id = ? AND laptop_id = ?",
                    incidentId,
                    from.machine());
            return update(
                    c,
                    "UPDATE responders SET role = 'commander' WHERE incident_id = ? AND laptop_id = ?",
                    incidentId,
                    taking.laptop());
        });
    }

    /** The incident's responders, present or not, in the order they joined. */
    public List<Responder> of(String incidentId) {
        return store.work("could not be read", c -> {
            List<Responder> responders = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT responder, laptop_id, role, joined_at, left_at,"
                    + " last_seen_at, (EXTRACT(EPOCH FROM now() - last_seen_at) * 1000)::BIGINT"
                    + " FROM responders WHERE incident_id = ? ORDER BY joined_at, laptop_id")) {
                select.setString(1, incidentId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        responders.add(new Responder(
                                rs.getString(1),
                                rs.getString(2),
                                Role.of(rs.getString(3)),
                                instant(rs.getTimestamp(4)),
                                instant(rs.getTimestamp(5)),
                                instant(rs.getTimestamp(6)),
                                Duration.ofMillis(Math.max(0, rs.getLong(7)))));
                    }
                }
            }
            return responders;
        });
    }

    private Responder find(String incidentId, String laptop) {
        return of(incidentId).stream()
                .filter(r -> r.laptop().equals(laptop))
                .findFirst()
                .orElse(null);
    }

    /** Appends the event to the laptop's responder chain, with the change of the roles in the same transaction. */
    private void record(String incidentId, Writer writer, EventData data, TeamLogStore.SqlWork<?> change) {
        Writer roster = writer.roster();
        TeamLogStore.Acknowledged held = store.acknowledged(incidentId, roster.laptop());
        IncidentEvent event =
                HashChain.next(incidentId, held.sequence() + 1, Instant.now(), writer.responder(), data, held.hash());
        store.append(roster, List.of(event), change);
    }

    private static int update(Connection c, String sql, String incidentId, String laptop) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(sql)) {
            update.setString(1, incidentId);
            update.setString(2, laptop);
            return update.executeUpdate();
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
