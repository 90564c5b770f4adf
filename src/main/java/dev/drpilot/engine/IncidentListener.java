package dev.drpilot.engine;

/**
 * Hears about an incident's changes, after they are in the log. Called on the engine's threads:
 * a UI marshals onto its own thread.
 */
public interface IncidentListener {

    void stepChanged(StepRun step);

    /** Something was written to the incident log (a note, a decision, an API call...). */
    default void logged(dev.drpilot.incident.IncidentEvent event) {
    }
}
