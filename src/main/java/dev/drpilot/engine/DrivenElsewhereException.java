package dev.drpilot.engine;

import dev.drpilot.incident.Driver;

/** A step was asked of a process that does not drive the incident: the message names who does. */
public final class DrivenElsewhereException extends IllegalStateException {

    DrivenElsewhereException(String incidentId, Driver driver) {
        super(incidentId + " is driven by " + driver.label()
                + ": only its driver runs steps, so take it over to run them here");
    }
}
