package dev.drpilot.app.wiring;

import dev.drpilot.engine.StepLeases;
import dev.drpilot.teamlog.LeaseHolder;
import dev.drpilot.teamlog.StepLease;
import dev.drpilot.teamlog.TeamLogException;
import dev.drpilot.teamlog.TeamLogStore;
import dev.drpilot.teamlog.Writer;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;

/**
 * The engine's step leases kept in the team log, for this responder on this laptop: a step is run
 * here only when the team log grants its lease, which a thread of its own renews while the step
 * runs. When the team log cannot say, the step is not run (fail safe) and the operator decides.
 */
public final class TeamLogStepLeases implements StepLeases, AutoCloseable {

    /** How long a lease outlives its laptop's last renewal (renewed every third of it). */
    public static final Duration LIFETIME = Duration.ofSeconds(30);

    private final TeamLogStore store;
    private final Writer writer;
    private final Duration lifetime;
    private final ThreadFactory threads;

    /**
     * @param store    a store of its own, so that a push of many events never delays a renewal
     * @param lifetime how long a lease outlives its laptop's last renewal ({@link #LIFETIME}; shorter in tests)
     * @param threads  makes each lease's renewing thread (the app's {@code DaemonThreads})
     */
    public TeamLogStepLeases(TeamLogStore store, Writer writer, Duration lifetime, ThreadFactory threads) {
        this.store = store;
        this.writer = writer;
        this.lifetime = lifetime;
        this.threads = threads;
    }

    @Override
    public Answer acquire(String incidentId, String stepId) {
        StepLease.Taken taken;
        try {
            taken = StepLease.take(store, writer, incidentId, stepId, lifetime, threads);
        } catch (TeamLogException e) {
            return new Unknown(e.getMessage());
        }
        if (taken.lease() != null) return new Granted(taken.lease()::release);
        LeaseHolder holder = taken.holder();
        return new HeldElsewhere(
                holder.holder().responder(), holder.holder().laptop(), holder.expiresAt(), holder.succeededAt());
    }

    /** Closes the leases' connection; call after the steps stopped. */
    @Override
    public void close() {
        store.close();
    }
}
