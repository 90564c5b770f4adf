package dev.drpilot.teamlog;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A step's lease this laptop holds in the team log while it runs the step: renewed on a thread of
 * its own every third of its time to live, so that it expires only when the laptop stops (killed,
 * asleep, cut off), and released when the step ends.
 */
public final class StepLease {

    private static final Logger LOG = LoggerFactory.getLogger(StepLease.class);

    private final TeamLogStore store;
    private final Writer writer;
    private final String incidentId;
    private final String stepId;
    private final Duration ttl;
    private final ScheduledExecutorService renewals;

    private StepLease(
            TeamLogStore store, Writer writer, String incidentId, String stepId, Duration ttl, ThreadFactory threads) {
        this.store = store;
        this.writer = writer;
        this.incidentId = incidentId;
        this.stepId = stepId;
        this.ttl = ttl;
        this.renewals = Executors.newSingleThreadScheduledExecutor(threads);
    }

    /**
     * Asks for the step's lease: taken, and renewed from now on, when no other laptop holds it.
     *
     * @param threads makes the one thread that renews it (the app's {@code DaemonThreads})
     * @return the lease, held and renewed; or empty with who holds it instead, in {@code otherHolder}
     * @throws TeamLogException when the team log cannot be reached or refuses
     */
    public static Taken take(
            TeamLogStore store, Writer writer, String incidentId, String stepId, Duration ttl, ThreadFactory threads) {
        LeaseHolder holder = store.acquireLease(writer, incidentId, stepId, ttl);
        if (!holder.heldBy(writer)) return new Taken(null, holder);
        StepLease lease = new StepLease(store, writer, incidentId, stepId, ttl, threads);
        long every = Math.max(1, ttl.toMillis() / 3);
        lease.renewals.scheduleWithFixedDelay(lease::renew, every, every, TimeUnit.MILLISECONDS);
        return new Taken(lease, holder);
    }

    /** What asking for a lease gave: this laptop's lease (null when another holds it) and who holds it now. */
    public record Taken(StepLease lease, LeaseHolder holder) {}

    private void renew() {
        try {
            if (!store.renewLease(writer, incidentId, stepId, ttl)) {
                LOG.warn(
                        "The team log says another laptop took the lease of step {} of {}: this laptop's lease had expired",
                        stepId,
                        incidentId);
            }
        } catch (TeamLogException e) {
            LOG.warn("Step {} of {}: the lease could not be renewed: {}", stepId, incidentId, e.getMessage());
        }
    }

    /**
     * Stops renewing and gives the lease back: after a success no other laptop runs the step; otherwise
     * the next one may take it at once. When the team log cannot be reached, the lease simply expires.
     */
    public void release(boolean succeeded) {
        renewals.shutdownNow(); // a renewal under way cannot bring a released lease back: it renews only one that has
        // not expired
        try {
            store.releaseLease(writer, incidentId, stepId, succeeded);
        } catch (TeamLogException e) {
            LOG.warn(
                    "Step {} of {}: the lease could not be released, it expires within {} s: {}",
                    stepId,
                    incidentId,
                    ttl.toSeconds(),
                    e.getMessage());
        }
    }
}
