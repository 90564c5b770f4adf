package dev.drpilot.teamlog;

import dev.drpilot.incident.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This laptop on an incident, for as long as it is open: joined when made, a heartbeat every few
 * seconds on a daemon thread of its own (a heartbeat that fails, the team log offline, is tried
 * again at the next), and left when closed.
 */
public final class Presence implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Presence.class);
    /** A third of {@link Responder#GONE_AFTER}: two heartbeats may be lost before a responder shows as gone. */
    public static final Duration HEARTBEAT = Responder.GONE_AFTER.dividedBy(3);

    private final Responders responders;
    private final String incidentId;
    private final Writer writer;
    private final ScheduledExecutorService heartbeat;

    private Presence(Responders responders, String incidentId, Writer writer) {
        this.responders = responders;
        this.incidentId = incidentId;
        this.writer = writer;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(new DaemonThreads("drpilot-team-heartbeat"));
    }

    /**
     * Joins the incident in {@code role} and keeps this laptop present until closed.
     *
     * @throws TeamLogException when the team log cannot be reached or refuses: nothing is joined then
     */
    public static Presence join(Responders responders, String incidentId, Writer writer, Role role) {
        responders.join(incidentId, writer, role);
        Presence presence = new Presence(responders, incidentId, writer);
        long every = HEARTBEAT.toMillis();
        presence.heartbeat.scheduleWithFixedDelay(presence::beat, every, every, TimeUnit.MILLISECONDS);
        return presence;
    }

    private void beat() {
        try {
            responders.heartbeat(incidentId, writer);
        } catch (TeamLogException e) {
            LOG.debug("Heartbeat of {} on {}: {}", writer.label(), incidentId, e.getMessage());
        }
    }

    /** Stops the heartbeat and leaves the incident (when the team log can be reached: else the others see it gone). */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            heartbeat.awaitTermination(5, TimeUnit.SECONDS);
            responders.leave(incidentId, writer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TeamLogException e) {
            LOG.warn("Leaving {} on the team log: {}", incidentId, e.getMessage());
        }
    }
}
