package dev.drpilot.incident;

import java.time.Instant;

/** An incident (or rehearsal) as the log knows it. */
public record Incident(String id, String runbookId, String title, IncidentMode mode, String severity, String commander,
                       Instant declaredAt, Instant failureStartedAt, Instant closedAt) {

    public boolean open() {
        return closedAt == null;
    }

    /** When the clocks start: the failure's beginning when known, else the declaration. */
    public Instant startedAt() {
        return failureStartedAt != null && failureStartedAt.isBefore(declaredAt) ? failureStartedAt : declaredAt;
    }
}
