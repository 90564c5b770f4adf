package dev.drpilot.incident;

import java.time.Instant;

/**
 * One line of the incident log, as committed. Never edited or deleted: a correction is a new
 * event that names the one it corrects.
 *
 * @param sequence   1, 2, 3... within the incident, without gaps
 * @param time       when it was written (UTC, millisecond precision)
 * @param actor      who: the OS user, and the AWS caller identity once known
 * @param stepId     the runbook step it concerns, or null
 * @param payload    JSON object text, already redacted
 * @param corrects   the sequence of the event this one corrects, or null
 * @param occurredAt when it happened, for a note added later about an earlier moment; else null
 * @param hash       SHA-256 of this event's content and the previous event's hash
 */
public record IncidentEvent(
        String incidentId,
        long sequence,
        Instant time,
        EventKind kind,
        String actor,
        String stepId,
        String payload,
        Long corrects,
        Instant occurredAt,
        String previousHash,
        String hash) {

    /** What the event says, read from its stored payload by {@link EventCodec}. */
    public EventData data() {
        return EventCodec.read(kind, payload);
    }

    /** When the event happened: its own time, or the earlier time a late note carries. */
    public Instant effectiveTime() {
        return occurredAt != null ? occurredAt : time;
    }
}
