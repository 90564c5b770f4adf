package dev.drpilot.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.drpilot.incident.EventData.ApiCall;
import dev.drpilot.incident.EventData.ApprovalGiven;
import dev.drpilot.incident.EventData.ApprovalOverridden;
import dev.drpilot.incident.EventData.ApprovalRefused;
import dev.drpilot.incident.EventData.ApprovalRequested;
import dev.drpilot.incident.EventData.CallerIdentity;
import dev.drpilot.incident.EventData.ChecklistTick;
import dev.drpilot.incident.EventData.ClockBreach;
import dev.drpilot.incident.EventData.Closed;
import dev.drpilot.incident.EventData.CommandHandedOver;
import dev.drpilot.incident.EventData.ConfirmationGiven;
import dev.drpilot.incident.EventData.ConfirmationRequested;
import dev.drpilot.incident.EventData.Correction;
import dev.drpilot.incident.EventData.Decision;
import dev.drpilot.incident.EventData.Declared;
import dev.drpilot.incident.EventData.EventsLost;
import dev.drpilot.incident.EventData.Export;
import dev.drpilot.incident.EventData.GapRecorded;
import dev.drpilot.incident.EventData.Inject;
import dev.drpilot.incident.EventData.Note;
import dev.drpilot.incident.EventData.PhaseEntered;
import dev.drpilot.incident.EventData.ReadinessAttached;
import dev.drpilot.incident.EventData.Recovered;
import dev.drpilot.incident.EventData.Reopened;
import dev.drpilot.incident.EventData.ResponderJoined;
import dev.drpilot.incident.EventData.ResponderLeft;
import dev.drpilot.incident.EventData.Resumed;
import dev.drpilot.incident.EventData.RunbookChanged;
import dev.drpilot.incident.EventData.StartSetBack;
import dev.drpilot.incident.EventData.StatusChange;
import dev.drpilot.incident.EventData.StepAdded;
import dev.drpilot.incident.EventData.StepCancelled;
import dev.drpilot.incident.EventData.StepFailed;
import dev.drpilot.incident.EventData.StepHeldElsewhere;
import dev.drpilot.incident.EventData.StepInterrupted;
import dev.drpilot.incident.EventData.StepLeaseUnknown;
import dev.drpilot.incident.EventData.StepRetried;
import dev.drpilot.incident.EventData.StepSkipped;
import dev.drpilot.incident.EventData.StepStarted;
import dev.drpilot.incident.EventData.StepSucceeded;
import dev.drpilot.incident.EventData.StepWaiting;
import dev.drpilot.incident.EventData.TakenOver;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place that knows an event's payload: writes each {@link EventData} as the JSON object
 * the log stores (keys in the order DR Pilot has always written them, so a log's bytes do not
 * change with this class) and reads a stored payload back into its record. A stored payload that
 * is not a JSON object reads as its text (a hand-edited or foreign log still describes itself).
 */
public final class EventCodec {

    /** Times in outputs and arguments (an instant a manual step records) are written as ISO-8601 text, as the log always wrote them. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {};

    private EventCodec() {}

    /** The payload as JSON text. */
    public static String write(EventData data) {
        try {
            return JSON.writeValueAsString(tree(data));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not representable as JSON: " + e.getMessage(), e);
        }
    }

    /** The payload as a JSON tree, for the log to redact before it writes it. */
    public static ObjectNode tree(EventData data) {
        Writer w = new Writer();
        switch (data) {
            case Declared d ->
                w.put("params", d.params())
                        .put("exercise", d.exercise())
                        .put("runbook", d.runbook())
                        .put("title", d.title())
                        .put("mode", d.mode())
                        .put("severity", d.severity())
                        .put("commander", d.commander())
                        .put("failureStartedAt", d.failureStartedAt())
                        .runbookFile(d.runbookFile());
            case RunbookChanged c -> w.runbookFile(c.file()).put("previousSha256", c.previousSha256());
            case StartSetBack s ->
                w.put("failureStartedAt", s.failureStartedAt()).put("reason", s.reason());
            case Resumed r -> w.put("events", r.events());
            case Recovered r -> w.put("by", r.by()).put("note", r.note());
            case Closed c -> w.put("summary", c.summary());
            case Reopened r -> w.put("reason", r.reason());
            case TakenOver t ->
                w.put("from", t.from())
                        .put("to", t.to())
                        .put("fromSince", t.fromSince())
                        .put("stale", t.stale())
                        .put("silentForSeconds", t.silentForSeconds());
            case ResponderJoined j ->
                w.put("responder", j.responder()).put("laptop", j.laptop()).put("role", j.role());
            case ResponderLeft l -> w.put("responder", l.responder()).put("laptop", l.laptop());
            case CommandHandedOver h -> w.put("from", h.from()).put("to", h.to());
            case PhaseEntered p -> w.put("phase", p.phase());
            case StepAdded a ->
                w.always("id", a.id())
                        .always("after", a.after())
                        .always("title", a.title())
                        .always("instructions", a.instructions());
            case StepStarted s ->
                w.put("action", s.action())
                        .put("attempt", s.attempt())
                        .put("args", s.args())
                        .put("command", s.command());
            case StepWaiting s -> w.put("for", s.waitingFor());
            case StepSucceeded s ->
                w.always("summary", s.summary())
                        .put("checked", s.checked())
                        .put("outputs", s.outputs())
                        .put("durationMs", s.durationMs());
            case StepFailed f ->
                w.put("error", f.error()).put("message", f.message()).put("outputs", f.outputs());
            case StepRetried r ->
                w.put("attempt", r.attempt()).put("error", r.error()).put("delayMs", r.delayMs());
            case StepSkipped s -> w.put("reason", s.reason());
            case StepCancelled c -> w.put("reason", c.reason()).put("message", c.message());
            case StepInterrupted i -> w.put("message", i.message());
            case StepHeldElsewhere h ->
                w.put("responder", h.responder())
                        .put("laptop", h.laptop())
                        .put("until", h.until())
                        .put("succeededAt", h.succeededAt());
            case StepLeaseUnknown u -> w.put("problem", u.problem());
            case ConfirmationRequested c -> w.put("type", c.type());
            case ConfirmationGiven c -> w.put("typed", c.typed());
            case ApprovalRequested a ->
                w.put("requestId", a.requestId())
                        .put("requestedBy", a.requestedBy())
                        .put("command", a.command())
                        .put("target", a.target())
                        .put("account", a.account());
            case ApprovalGiven a ->
                w.put("requestId", a.requestId()).put("approver", a.approver()).put("reason", a.reason());
            case ApprovalRefused a ->
                w.put("requestId", a.requestId()).put("approver", a.approver()).put("reason", a.reason());
            case ApprovalOverridden a ->
                w.put("requestId", a.requestId())
                        .put("commander", a.commander())
                        .put("reason", a.reason());
            case ApiCall a ->
                w.put("service", a.service()).put("operation", a.operation()).put("requestId", a.requestId());
            case StatusChange s -> w.put("resource", s.resource()).put("status", s.status());
            case ClockBreach c -> w.put("clock", c.clock()).put("detail", c.detail());
            case Note n -> w.put("text", n.text());
            case Decision d -> w.put("text", d.text());
            case Inject i ->
                w.put("exercise", i.exercise())
                        .put("at", i.at())
                        .put("source", i.source())
                        .put("text", i.text());
            case ChecklistTick c -> w.put("item", c.item());
            case CallerIdentity c -> w.put("account", c.account()).put("arn", c.arn());
            case Correction c -> w.put("text", c.text());
            case Export e -> w.put("format", e.format()).put("file", e.file());
            case GapRecorded g ->
                w.put("text", g.text())
                        .put("owner", g.owner())
                        .put("due", g.due() == null ? null : g.due().toString())
                        .put("remediation", g.remediation());
            case ReadinessAttached r ->
                w.put("file", r.file()).put("sha256", r.sha256()).put("report", r.report());
            case EventsLost l -> {
                w.put("text", l.text());
                var lost = w.node.putArray("lost");
                for (EventsLost.Loss loss : l.lost()) {
                    lost.addObject()
                            .put("first", loss.first())
                            .put("last", loss.last())
                            .put("changed", loss.changed());
                }
                w.put("headSays", l.headSays()).put("from", l.from());
            }
        }
        return w.node;
    }

    /** The record a stored payload of {@code kind} holds; a field it lacks is null (or 0, false). */
    public static EventData read(EventKind kind, String payload) {
        Reader r = new Reader(parse(payload));
        return switch (kind) {
            case INCIDENT_DECLARED ->
                new Declared(
                        r.texts("params"),
                        r.text("exercise"),
                        r.text("runbook"),
                        r.text("title"),
                        r.text("mode"),
                        r.text("severity"),
                        r.text("commander"),
                        r.instant("failureStartedAt"),
                        r.runbookFile());
            case RUNBOOK_CHANGED -> new RunbookChanged(r.runbookFile(), r.text("previousSha256"));
            case INCIDENT_START_SET_BACK -> new StartSetBack(r.instant("failureStartedAt"), r.text("reason"));
            case INCIDENT_RESUMED -> new Resumed((int) r.number("events", 0));
            case INCIDENT_RECOVERED -> new Recovered(r.text("by"), r.text("note"));
            case INCIDENT_CLOSED -> new Closed(r.text("summary"));
            case INCIDENT_REOPENED -> new Reopened(r.text("reason"));
            case INCIDENT_TAKEN_OVER ->
                new TakenOver(
                        r.text("from"),
                        r.text("to"),
                        r.instant("fromSince"),
                        r.flag("stale"),
                        r.number("silentForSeconds"));
            case RESPONDER_JOINED -> new ResponderJoined(r.text("responder"), r.text("laptop"), r.text("role"));
            case RESPONDER_LEFT -> new ResponderLeft(r.text("responder"), r.text("laptop"));
            case COMMAND_HANDED_OVER -> new CommandHandedOver(r.text("from"), r.text("to"));
            case PHASE_ENTERED -> new PhaseEntered(r.text("phase"));
            case STEP_ADDED -> new StepAdded(r.text("id"), r.text("after"), r.text("title"), r.text("instructions"));
            case STEP_STARTED ->
                new StepStarted(r.text("action"), (int) r.number("attempt", 0), r.object("args"), r.text("command"));
            case STEP_WAITING -> new StepWaiting(r.text("for"));
            case STEP_SUCCEEDED ->
                new StepSucceeded(r.text("summary"), r.text("checked"), r.object("outputs"), r.number("durationMs"));
            case STEP_FAILED -> new StepFailed(r.text("error"), r.text("message"), r.object("outputs"));
            case STEP_RETRIED -> new StepRetried((int) r.number("attempt", 0), r.text("error"), r.number("delayMs"));
            case STEP_SKIPPED -> new StepSkipped(r.text("reason"));
            case STEP_CANCELLED -> new StepCancelled(r.text("reason"), r.text("message"));
            case STEP_INTERRUPTED -> new StepInterrupted(r.text("message"));
            case STEP_HELD_ELSEWHERE ->
                new StepHeldElsewhere(
                        r.text("responder"), r.text("laptop"), r.instant("until"), r.instant("succeededAt"));
            case STEP_LEASE_UNKNOWN -> new StepLeaseUnknown(r.text("problem"));
            case CONFIRMATION_REQUESTED -> new ConfirmationRequested(r.text("type"));
            case CONFIRMATION_GIVEN -> new ConfirmationGiven(r.text("typed"));
            case APPROVAL_REQUESTED ->
                new ApprovalRequested(
                        r.text("requestId"),
                        r.text("requestedBy"),
                        r.text("command"),
                        r.text("target"),
                        r.text("account"));
            case APPROVAL_GIVEN -> new ApprovalGiven(r.text("requestId"), r.text("approver"), r.text("reason"));
            case APPROVAL_REFUSED -> new ApprovalRefused(r.text("requestId"), r.text("approver"), r.text("reason"));
            case APPROVAL_OVERRIDDEN ->
                new ApprovalOverridden(r.text("requestId"), r.text("commander"), r.text("reason"));
            case API_CALL -> new ApiCall(r.text("service"), r.text("operation"), r.text("requestId"));
            case STATUS_CHANGE -> new StatusChange(r.text("resource"), r.text("status"));
            case CLOCK_BREACH -> new ClockBreach(r.text("clock"), r.text("detail"));
            case NOTE -> new Note(r.text("text"));
            case DECISION -> new Decision(r.text("text"));
            case INJECT -> new Inject(r.text("exercise"), r.text("at"), r.text("source"), r.text("text"));
            case CHECKLIST_TICK -> new ChecklistTick(r.text("item"));
            case CALLER_IDENTITY -> new CallerIdentity(r.text("account"), r.text("arn"));
            case CORRECTION -> new Correction(r.text("text"));
            case EXPORT -> new Export(r.text("format"), r.text("file"));
            case GAP_RECORDED -> new GapRecorded(r.text("text"), r.text("owner"), r.day("due"), r.text("remediation"));
            case READINESS_ATTACHED -> new ReadinessAttached(r.text("file"), r.text("sha256"), r.object("report"));
            case EVENTS_LOST ->
                new EventsLost(r.text("text"), r.losses("lost"), r.number("headSays", 0), r.text("from"));
        };
    }

    private static JsonNode parse(String payload) {
        try {
            JsonNode node = payload == null ? null : JSON.readTree(payload);
            if (node != null && node.isObject()) return node;
        } catch (JsonProcessingException notJson) {
            // read as its text below
        }
        ObjectNode text = JSON.createObjectNode();
        if (payload != null) text.put("text", payload);
        return text;
    }

    /** Puts fields in order; a null is left out unless the payload has always carried it. */
    private static final class Writer {
        final ObjectNode node = JSON.createObjectNode();

        Writer put(String key, Object value) {
            return value == null ? this : always(key, value);
        }

        /** A runbook file as three flat keys, left out when there is none (a log before versions were kept). */
        Writer runbookFile(EventData.RunbookFile file) {
            if (file == null) return this;
            return put("runbookFile", file.name())
                    .put("runbookSha256", file.sha256())
                    .put("runbookText", file.text());
        }

        Writer always(String key, Object value) {
            node.set(
                    key,
                    value instanceof Instant instant ? node.textNode(instant.toString()) : JSON.valueToTree(value));
            return this;
        }
    }

    private record Reader(JsonNode node) {
        String text(String key) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) return null;
            return value.isValueNode() ? value.asText() : value.toString();
        }

        Instant instant(String key) {
            String text = text(key);
            return text == null ? null : Instant.parse(text);
        }

        LocalDate day(String key) {
            String text = text(key);
            try {
                return text == null ? null : LocalDate.parse(text);
            } catch (DateTimeParseException notADay) {
                return null;
            }
        }

        Long number(String key) {
            JsonNode value = node.get(key);
            return value != null && value.isNumber() ? value.longValue() : null;
        }

        long number(String key, long otherwise) {
            Long value = number(key);
            return value == null ? otherwise : value;
        }

        EventData.RunbookFile runbookFile() {
            String sha256 = text("runbookSha256");
            return sha256 == null ? null : new EventData.RunbookFile(text("runbookFile"), sha256, text("runbookText"));
        }

        boolean flag(String key) {
            return node.path(key).asBoolean(false);
        }

        Map<String, Object> object(String key) {
            JsonNode value = node.get(key);
            return value != null && value.isObject() ? JSON.convertValue(value, OBJECT) : null;
        }

        Map<String, String> texts(String key) {
            JsonNode value = node.get(key);
            return value != null && value.isObject() ? JSON.convertValue(value, TEXTS) : null;
        }

        List<EventsLost.Loss> losses(String key) {
            List<EventsLost.Loss> losses = new ArrayList<>();
            for (JsonNode loss : node.path(key)) {
                losses.add(new EventsLost.Loss(
                        loss.path("first").asLong(),
                        loss.path("last").asLong(),
                        loss.path("changed").asBoolean()));
            }
            return losses;
        }
    }
}
