package dev.drpilot.incident;

import java.time.Instant;
import java.util.Map;

/**
 * An event about to be written.
 *
 * @param corrects   the sequence of an earlier event this one corrects, or null
 * @param occurredAt an earlier moment the event is about (a note added later), or null
 */
public record EventDraft(EventKind kind, String stepId, Map<String, Object> payload, Long corrects, Instant occurredAt) {

    public static EventDraft of(EventKind kind, String stepId, Map<String, Object> payload) {
        return new EventDraft(kind, stepId, payload, null, null);
    }
}
