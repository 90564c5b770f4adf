package dev.drpilot.teamlog;

import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a laptop's events to the team log after its local log has them: the local log stays the
 * primary, written first, and the team log gets each event at least once, in the laptop's order,
 * stored once by its id. What the team log holds is asked of the team log itself on every push
 * (it is the one that knows; a team log restored from a backup gets the lost events again), so
 * nothing is kept on the laptop but the last answer, which counts what waits while it is offline.
 */
public final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    /** Events per transaction: a long outage is caught up in steps, each committed. */
    private static final int BATCH = 500;

    private final IncidentLogStore log;
    private final TeamLogStore team;
    private final Writer writer;
    /** By incident: the last sequence the team log acknowledged, as of the last push that reached it. */
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();

    public Outbox(IncidentLogStore log, TeamLogStore team, Writer writer) {
        this.log = log;
        this.team = team;
        this.writer = writer;
    }

    public Writer writer() {
        return writer;
    }

    /**
     * Sends what the team log does not hold yet of an incident's local events. Never throws for the
     * team log: when it cannot be reached (or refuses), the status says so and how many events wait,
     * and the next push sends them.
     */
    public synchronized OutboxStatus push(String incidentId) {
        try {
            TeamLogStore.Acknowledged held = team.acknowledged(incidentId, writer.laptop());
            acknowledged.put(incidentId, held.sequence());
            if (!localLogHolds(incidentId, held)) {
                throw TeamLogException.refused(
                        "The team log at " + team.database().where() + " holds events of " + incidentId
                                + " from laptop " + writer.laptop()
                                + " that this laptop's log does not: this is not the log that"
                                + " wrote them, so give this laptop another id.",
                        null);
            }
            List<IncidentEvent> waiting = log.events(incidentId, held.sequence());
            for (int from = 0; from < waiting.size(); from += BATCH) {
                List<IncidentEvent> batch = waiting.subList(from, Math.min(waiting.size(), from + BATCH));
                team.append(writer, batch);
                acknowledged.put(incidentId, batch.getLast().sequence());
            }
            return OutboxStatus.UP_TO_DATE;
        } catch (TeamLogException e) {
            said(e);
            Long held = acknowledged.get(incidentId);
            return new OutboxStatus(
                    log.events(incidentId, held == null ? 0 : held).size(),
                    held != null,
                    e.getMessage(),
                    e.unreachable());
        }
    }

    /**
     * Whether the team log can be reached now (its tables brought up to date on the way), when no
     * incident has anything to push yet: nothing waits either way.
     */
    public synchronized OutboxStatus reach() {
        try {
            team.check();
            return OutboxStatus.UP_TO_DATE;
        } catch (TeamLogException e) {
            said(e);
            return new OutboxStatus(0, true, e.getMessage(), e.unreachable());
        }
    }

    /**
     * A refusal is logged as a warning (someone has to change something); an outage only for debugging,
     * since every push while it lasts fails the same way and the status says it ({@link OutboxWorker} logs when it begins and ends).
     */
    private static void said(TeamLogException e) {
        if (e.unreachable()) LOG.debug("Team log: {}", e.getMessage());
        else LOG.warn("Team log: {}", e.getMessage());
    }

    /**
     * Whether the local log has the last event the team log holds of this laptop: then it has all
     * the ones before too, since each hash covers the one before it.
     */
    private boolean localLogHolds(String incidentId, TeamLogStore.Acknowledged held) {
        if (held.sequence() == 0) return true;
        List<IncidentEvent> fromThere = log.events(incidentId, held.sequence() - 1);
        return !fromThere.isEmpty() && fromThere.getFirst().hash().equals(held.hash());
    }
}
