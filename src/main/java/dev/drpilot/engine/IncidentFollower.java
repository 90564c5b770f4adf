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

    private final Object lock;
    private final String incidentId;
    private final DrivingSeat seat;
    private final IncidentLogStore log;
    private final Wheel wheel;
    private final ScheduledExecutorService timer;
    private long upTo;

    /** @param lock the run's lock, under which every change of its steps happens */
    IncidentFollower(Object lock, String incidentId, DrivingSeat seat, IncidentLogStore log, Wheel wheel, long upTo) {
        this.lock = lock;
        this.incidentId = incidentId;
        this.seat = seat;
        this.log = log;
        this.wheel = wheel;
        this.upTo = upTo;
        this.timer = Executors.newSingleThreadScheduledExecutor(new DaemonThreads("drpilot-follow-" + incidentId));
    }

    void start() {
        timer.scheduleWithFixedDelay(this::round, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            catchUp();
            Wheel.Look look = wheel.look();
            if (look.takenBy() != null) seat.lostTo(look.takenBy());
            if (look.changed()) seat.driverChanged();
        } catch (RuntimeException e) {
            // the log did not answer this time (its server process is handing over, or it is closing): the next round
            // asks again
        }
    }

    /**
     * Applies what other processes wrote since the last round; also called before this process
     * takes the wheel, so that it acts on the log as it is. Under the run's lock, as every change
     * of its steps is.
     */
    void catchUp() {
        synchronized (lock) {
            ForeignEvents fresh = log.eventsFromElsewhere(incidentId, upTo);
            fresh.events().forEach(seat::followed);
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
