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
    default void logged(dev.drpilot.incident.IncidentEvent event) {
    }

    /**
     * Who drives the incident changed: {@code elsewhere} is the live DR Pilot in another process
     * that runs its steps now, or empty when this process may (it holds the claim, or nobody does).
     */
    default void driverChanged(Optional<Driver> elsewhere) {
    }
}
