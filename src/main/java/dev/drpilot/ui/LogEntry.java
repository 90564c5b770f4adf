package dev.drpilot.ui;

import dev.drpilot.incident.IncidentEvent;

/**
 * A line of the incident's log on screen: an event of this laptop's log, or one another responder
 * wrote on their laptop (read from the team log), with their name.
 *
 * @param responder the other responder's name, or null for this laptop's own event
 */
record LogEntry(IncidentEvent event, String responder) {

    boolean fromOthers() {
        return responder != null;
    }

    /** "02:41:07  bob: Note: the replica is lagging" for another's; this laptop's as its log line. */
    String line() {
        if (!fromOthers()) return IncidentViewModel.logLine(event);
        return IncidentViewModel.TIME.format(event.time()) + "  " + responder + ": "
                + (event.stepId() == null ? "" : "[" + event.stepId() + "] ")
                + dev.drpilot.timeline.EventDescriptions.describe(event);
    }
}
