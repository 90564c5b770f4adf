package dev.drpilot.engine;

import dev.drpilot.incident.Claim;
import dev.drpilot.incident.Driver;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import java.util.Optional;

/**
 * Whether this process drives an incident: it takes the wheel before any step is run, skipped or
 * cancelled; follows the log while other DR Pilots write to it; and stops what it runs when one of
 * them takes the incident over. Guarded by the run's lock.
 */
final class DrivingSeat {

    private final Object lock;
    private final String incidentId;
    private final IncidentLogStore log;
    private final Wheel wheel;
    private final StepScheduler scheduler;
    private final IncidentReplay replay;
    private final IncidentLife life;
    private final IncidentListeners listeners;
    /** The last event of the log the run was built from; the follower reads on after it. */
    private final long builtUpTo;

    private IncidentFollower follower;

    DrivingSeat(
            Object lock,
            String incidentId,
            IncidentLogStore log,
            Wheel wheel,
            StepScheduler scheduler,
            IncidentReplay replay,
            IncidentLife life,
            IncidentListeners listeners,
            long builtUpTo) {
        this.lock = lock;
        this.incidentId = incidentId;
        this.log = log;
        this.wheel = wheel;
        this.scheduler = scheduler;
        this.replay = replay;
        this.life = life;
        this.listeners = listeners;
        this.builtUpTo = builtUpTo;
    }

    void followTheLog() {
        synchronized (lock) {
            if (follower != null) return;
            follower = new IncidentFollower(lock, incidentId, this, log, wheel, builtUpTo);
            follower.start();
        }
    }

    Optional<Driver> elsewhere() {
        return wheel.elsewhere();
    }

    /** Claims the incident when nobody drives it, or its driver has gone silent; false when a live DR Pilot elsewhere does. */
    boolean takeIfFree() {
        synchronized (lock) {
            boolean had = wheel.held();
            Claim claim = wheel.take(false);
            if (claim.held()) tookTheWheel(had, claim);
            return claim.held();
        }
    }

    /** This process drives the incident from now on, or the caller hears who does ({@code overLiveDriver}: even over a live one). */
    void take(boolean overLiveDriver) {
        synchronized (lock) {
            boolean had = wheel.held();
            Claim claim = wheel.take(overLiveDriver);
            if (!claim.held()) {
                driverChanged();
                throw new DrivenElsewhereException(incidentId, claim.previous());
            }
            tookTheWheel(had, claim);
        }
    }

    private void tookTheWheel(boolean had, Claim claim) {
        if (claim.takenOver() != null) listeners.logged(claim.takenOver());
        if (had && claim.takenOver() == null) return;
        if (follower != null) follower.catchUp();
        if (claim.previous() == null || !claim.live()) replay.interruptLeftOver(scheduler.runningHere());
        driverChanged();
    }

    /** Another DR Pilot took the incident over: what this one was running stops, and says why. */
    void lostTo(Driver taker) {
        String why =
                "Stopped here: " + taker.seat().label() + " took the incident over; check the resource before retrying";
        scheduler.stopAll().values().forEach(execution -> execution.cancel(why));
    }

    /** Tells the listeners who drives the incident now. */
    void driverChanged() {
        listeners.driverChanged(wheel.elsewhere());
    }

    /** An event another process wrote: the steps, the clocks and the incident's state follow it, then the listeners hear of it. */
    void followed(IncidentEvent event) {
        synchronized (lock) {
            switch (event.kind()) {
                case INCIDENT_RECOVERED, INCIDENT_CLOSED, INCIDENT_REOPENED, INCIDENT_START_SET_BACK ->
                    life.followed(event);
                default -> replay.follow(event);
            }
            listeners.logged(event);
        }
    }

    /** Stops following the log and lets go of the incident, so another DR Pilot may drive it without taking it over. */
    void release() {
        IncidentFollower stopping;
        synchronized (lock) {
            stopping = follower;
            follower = null;
        }
        if (stopping != null) stopping.close();
        wheel.release();
    }
}
