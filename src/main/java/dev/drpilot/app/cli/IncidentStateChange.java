package dev.drpilot.app.cli;

import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import java.io.PrintWriter;
import java.util.function.BiFunction;

/** What resolve, close and reopen share: find the incident, change its state, say what happened or why not. */
final class IncidentStateChange {

    private IncidentStateChange() {}

    static int apply(
            LogOptions log,
            String incidentId,
            PrintWriter out,
            PrintWriter err,
            BiFunction<IncidentLogStore, Incident, IncidentEvent> change,
            String done) {
        try (IncidentLogStore store = log.openExisting()) {
            Incident incident = LogOptions.find(store, incidentId, err).orElse(null);
            if (incident == null) return 1;
            try {
                IncidentEvent event = change.apply(store, incident);
                out.println(incidentId + " " + done + " (event " + event.sequence() + ")");
                return 0;
            } catch (IllegalStateException | IllegalArgumentException e) {
                err.println(e.getMessage());
                return 1;
            }
        }
    }
}
