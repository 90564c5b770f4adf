package dev.drpilot.incident;

import java.time.Duration;
import java.time.Instant;

/**
 * An incident (or rehearsal) as the log knows it.
 *
 * @param recoveredAt when the service was declared back (the RTO clock stopped), or null
 * @param closedAt    when the incident was closed with its summary, or null
 * @param ownClockAt  a tabletop's own clock, which runs only while the tabletop is played, faster than the wall's:
 *                    where it stands (its newest event); null for what runs on the wall clock (incidents, drills)
 */
public record Incident(
        String id,
        String runbookId,
        String title,
        IncidentMode mode,
        String severity,
        String commander,
        Instant declaredAt,
        Instant failureStartedAt,
        Instant recoveredAt,
        Instant closedAt,
        Instant ownClockAt) {

    /** Not closed: still worked on (the service may already be back). */
    public boolean open() {
        return closedAt == null;
    }

    public IncidentState state() {
        return closedAt != null
                ? IncidentState.CLOSED
                : recoveredAt != null ? IncidentState.RECOVERED : IncidentState.OPEN;
    }

    /** When the clocks start: the failure's beginning when known, else the declaration. */
    public Instant startedAt() {
        return failureStartedAt != null && failureStartedAt.isBefore(declaredAt) ? failureStartedAt : declaredAt;
    }

    /**
     * How long it has lasted, as its own screen counts it: to {@code now} on the wall clock, or on a
     * tabletop's own clock, which stands still at its newest event while nobody plays it; to the
     * close once closed.
     */
    public Duration lasted(Instant now) {
        Instant end = closedAt != null ? closedAt : ownClockAt != null ? ownClockAt : now;
        return Duration.between(startedAt(), end);
    }

    /** From the start to the recovery (the RTO achieved), or null while the service is down. */
    public Duration recoveredIn() {
        return recoveredAt == null ? null : Duration.between(startedAt(), recoveredAt);
    }
}
