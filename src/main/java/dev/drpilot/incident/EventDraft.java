package dev.drpilot.incident;

import java.time.Instant;

/**
 * An event about to be written.
 *
 * @param corrects   the sequence of an earlier event this one corrects, or null
 * @param occurredAt an earlier moment the event is about (a note added later), or null
 */
public record EventDraft(EventData data, String stepId, Long corrects, Instant occurredAt) {

    public static EventDraft of(EventData data, String stepId) {
        return new EventDraft(data, stepId, null, null);
    }

    public EventKind kind() {
        return data.kind();
    }
}
