package dev.drpilot.engine;

import dev.drpilot.incident.Driver;
import java.util.Optional;

/**
 * Hears about an incident's changes, after they are in the log. Called on the engine's threads:
 * a UI marshals onto its own thread.
 */
public interface IncidentListener {

    void stepChanged(StepRun step);

    /** Something was written to the incident log (a note, a decision, an API call...). */
    default void logged(dev.drpilot.incident.IncidentEvent event) {}

    /**
     * A run of a step by this process is over, as {@code step} shows it: its end is in the log and
     * its outputs are kept, so whoever drives the run may act on it (a destructive step's run ends
     * by asking for its confirmation).
     */
    default void stepFinished(StepRun step) {}

    /**
     * Who drives the incident changed: {@code elsewhere} is the live DR Pilot in another process
     * that runs its steps now, or empty when this process may (it holds the claim, or nobody does).
     */
    default void driverChanged(Optional<Driver> elsewhere) {}
}
