package dev.drpilot.incident;

import java.time.Instant;

/**
 * An incident (or rehearsal) as the log knows it.
 *
 * @param recoveredAt when the service was declared back (the RTO clock stopped), or null
 * @param closedAt    when the incident was closed with its summary, or null
 */
public record Incident(String id, String runbookId, String title, IncidentMode mode, String severity, String commander,
                       Instant declaredAt, Instant failureStartedAt, Instant recoveredAt, Instant closedAt) {

    /** Not closed: still worked on (the service may already be back). */
    public boolean open() {
        return closedAt == null;
    }

    public IncidentState state() {
        return closedAt != null ? IncidentState.CLOSED : recoveredAt != null ? IncidentState.RECOVERED : IncidentState.OPEN;
    }

    /** When the clocks start: the failure's beginning when known, else the declaration. */
    public Instant startedAt() {
        return failureStartedAt != null && failureStartedAt.isBefore(declaredAt) ? failureStartedAt : declaredAt;
    }
}
