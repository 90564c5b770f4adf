package dev.drpilot.timeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.runbook.Durations;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/** Says what an event records, in a sentence a post-mortem reader understands. */
public final class EventDescriptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventDescriptions() {
    }

    public static Map<String, Object> payload(IncidentEvent event) {
        try {
            return JSON.readValue(event.payload(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            return Map.of("text", event.payload());
        }
    }

    public static String describe(IncidentEvent event) {
        Map<String, Object> p = payload(event);
        return switch (event.kind()) {
            case INCIDENT_DECLARED -> "Incident declared: " + p.get("title") + " (" + p.get("mode") + severity(p) + ")";
            case INCIDENT_START_SET_BACK -> "Start set back to the failure's beginning, " + p.get("failureStartedAt") + reason(p);
            case INCIDENT_RESUMED -> "DR Pilot resumed the incident from its log";
            case INCIDENT_RECOVERED -> "Service recovered (RTO clock stopped), said by " + ("steps".equals(p.get("by"))
                    ? "the runbook: every immediate and recovery step is done" : p.get("by")) + text(p, "note", ": ");
            case INCIDENT_CLOSED -> "Incident closed" + text(p, "summary", ": ");
            case INCIDENT_REOPENED -> "Incident reopened" + text(p, "reason", ": ");
            case INCIDENT_TAKEN_OVER -> p.get("to") + " took over driving the incident from " + p.get("from")
                    + (Boolean.TRUE.equals(p.get("stale")) ? ", silent for " + p.get("silentForSeconds") + " s" : "");
            case PHASE_ENTERED -> "Entered phase " + p.get("phase");
            case STEP_ADDED -> "Step added: " + p.get("title");
            case STEP_STARTED -> (p.get("attempt") instanceof Number n && n.intValue() > 1 ? "Retried by the operator (attempt " + n + ")" : "Started")
                    + text(p, "command", ": `", "`");
            case STEP_WAITING -> "Waiting for " + p.get("for");
            case STEP_SUCCEEDED -> "Succeeded" + text(p, "summary", ": ") + duration(p);
            case STEP_FAILED -> "Failed: " + p.get("message");
            case STEP_RETRIED -> "Retry " + p.get("attempt") + " after: " + p.get("error");
            case STEP_SKIPPED -> "Skipped: " + p.get("reason");
            case STEP_CANCELLED -> "Cancelled" + text(p, "message", ": ");
            case STEP_INTERRUPTED -> "Interrupted" + text(p, "message", ": ");
            case CONFIRMATION_REQUESTED -> "Asked for confirmation (type " + p.get("type") + ")";
            case CONFIRMATION_GIVEN -> "Confirmed by typing " + p.get("typed");
            case API_CALL -> "API call " + p.get("service") + " " + p.get("operation") + text(p, "requestId", " (request ", ")");
            case STATUS_CHANGE -> p.get("resource") + " is " + p.get("status");
            case CLOCK_BREACH -> "Clock breached: " + p.get("clock") + text(p, "detail", ", ");
            case NOTE -> "Note: " + p.get("text");
            case DECISION -> "Decision: " + p.get("text");
            case INJECT -> "Inject: " + p.get("text");
            case CHECKLIST_TICK -> "Checklist: " + p.get("item") + " done";
            case CALLER_IDENTITY -> "Acting as " + p.get("arn") + " in account " + p.get("account");
            case CORRECTION -> "Correction of event " + event.corrects() + ": " + p.get("text");
            case EXPORT -> "Exported the timeline as " + p.get("format");
            case EVENTS_LOST -> "Events lost when the log file was damaged, found by drpilot recover: " + p.get("text");
        };
    }

    private static String severity(Map<String, Object> p) {
        return p.get("severity") == null ? "" : ", " + p.get("severity");
    }

    private static String reason(Map<String, Object> p) {
        Object reason = p.get("reason");
        return reason == null || reason.toString().isBlank() ? "" : " (" + reason + ")";
    }

    private static String duration(Map<String, Object> p) {
        return p.get("durationMs") instanceof Number ms && ms.longValue() >= 1000
                ? " in " + Durations.human(Duration.ofMillis(ms.longValue())) : "";
    }

    private static String text(Map<String, Object> p, String field, String before) {
        return text(p, field, before, "");
    }

    private static String text(Map<String, Object> p, String field, String before, String after) {
        Object value = p.get(field);
        return value == null || value.toString().isBlank() ? "" : before + value + after;
    }
}
