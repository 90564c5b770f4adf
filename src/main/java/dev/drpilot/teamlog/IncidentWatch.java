package dev.drpilot.teamlog;

import dev.drpilot.incident.DaemonThreads;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a screen shows of an incident in the team log: the other laptops' events as they arrive
 * (a {@link TeamLogListener}), and its responders read again at every heartbeat, so one whose
 * heartbeat stopped turns gone. Both callbacks run on daemon threads of its own.
 */
public final class IncidentWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentWatch.class);

    private final TeamLogStore store;
    private final ExecutorService listening;
    private final ScheduledExecutorService reading;
    /** Started once the team log was read (and its tables brought up to date): before, it would only read errors. */
    private volatile TeamLogListener listener;

    private IncidentWatch(
            TeamLogDatabase database,
            String incidentId,
            String ownLaptop,
            Consumer<List<Responder>> responders,
            Consumer<TeamEvent> othersEvents) {
        store = new TeamLogStore(database);
        listening = Executors.newSingleThreadExecutor(new DaemonThreads("drpilot-team-follow"));
        reading = Executors.newSingleThreadScheduledExecutor(new DaemonThreads("drpilot-team-responders"));
        Responders roster = new Responders(store);
        reading.scheduleWithFixedDelay(
                () -> {
                    try {
                        List<Responder> now = roster.of(incidentId);
                        if (listener == null) {
                            listener =
                                    TeamLogListener.start(database, incidentId, ownLaptop, 0, othersEvents, listening);
                        }
                        responders.accept(now);
                    } catch (TeamLogException e) {
                        LOG.debug("Responders of {}: {}", incidentId, e.getMessage());
                    }
                },
                0,
                Presence.HEARTBEAT.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Starts watching the incident; {@code ownLaptop}'s events are not handed over (its log has them). */
    public static IncidentWatch start(
            TeamLogDatabase database,
            String incidentId,
            String ownLaptop,
            Consumer<List<Responder>> responders,
            Consumer<TeamEvent> othersEvents) {
        return new IncidentWatch(database, incidentId, ownLaptop, responders, othersEvents);
    }

    @Override
    public void close() {
        reading.shutdownNow();
        try {
            reading.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (listener != null) listener.close();
        listening.shutdownNow();
        store.close();
    }
}
