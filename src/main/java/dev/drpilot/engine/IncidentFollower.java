package dev.drpilot.engine;

import dev.drpilot.incident.DaemonThreads;
import dev.drpilot.incident.ForeignEvents;
import dev.drpilot.incident.IncidentLogStore;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a run in step with its log while other DR Pilots write to it: every half second, on a
 * daemon thread of its own, it applies the events they wrote and tells the listeners, keeps this
 * process's claim alive, and notices a take-over.
 */
final class IncidentFollower implements AutoCloseable {

    static final Duration EVERY = Duration.ofMillis(500);

    private final IncidentRun run;
    private final IncidentLogStore log;
    private final Wheel wheel;
    private final ScheduledExecutorService timer;
    private long upTo;

    IncidentFollower(IncidentRun run, IncidentLogStore log, Wheel wheel, long upTo) {
        this.run = run;
        this.log = log;
        this.wheel = wheel;
        this.upTo = upTo;
        this.timer = Executors.newSingleThreadScheduledExecutor(new DaemonThreads("drpilot-follow-" + run.incidentId()));
    }

    void start() {
        timer.scheduleWithFixedDelay(this::round, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            catchUp();
            Wheel.Look look = wheel.look();
            if (look.takenBy() != null) run.lostTo(look.takenBy());
            if (look.changed()) run.driverChanged();
        } catch (RuntimeException e) {
            // the log did not answer this time (its server process is handing over, or it is closing): the next round asks again
        }
    }

    /**
     * Applies what other processes wrote since the last round; also called before this process
     * takes the wheel, so that it acts on the log as it is. Under the run's lock, as every change
     * of its steps is.
     */
    void catchUp() {
        synchronized (run) {
            ForeignEvents fresh = log.eventsFromElsewhere(run.incidentId(), upTo);
            fresh.events().forEach(run::followed);
            upTo = fresh.upTo();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
