package dev.drpilot.engine;

import dev.drpilot.incident.Driver;
import java.util.Optional;

/**
 * Which DR Pilot drives a run's incident, as its callers see it: following the log, the live driver elsewhere, taking
 * over. Reached through {@link IncidentRun#driving()}; the claims themselves are the {@link DrivingSeat}'s.
 */
public final class RunDriving {

    private final DrivingSeat seat;

    RunDriving(DrivingSeat seat) {
        this.seat = seat;
    }

    /**
     * Follows the log from now on, every half second: the events other DR Pilots write reach the steps and the listeners, this
     * process's claim stays alive, and a take-over is noticed. {@link IncidentRun#close()} stops it.
     */
    public void followTheLog() {
        seat.followTheLog();
    }

    /** The live DR Pilot in another process that drives this incident, if any: while there is one, this run runs no step. */
    public Optional<Driver> elsewhere() {
        return seat.elsewhere();
    }

    /** Takes the incident over from whoever drives it, even a live DR Pilot: that is logged, and the other one stops its step. */
    public void takeOver() {
        seat.take(true);
    }

    /** Claims the incident when nobody drives it, or its driver has gone silent; false when a live DR Pilot elsewhere does. */
    boolean takeIfFree() {
        return seat.takeIfFree();
    }
}
