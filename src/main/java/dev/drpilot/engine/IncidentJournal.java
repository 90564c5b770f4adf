package dev.drpilot.engine;

import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventDraft;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * One incident's side of the log: the engine writes every change here first (committed), then
 * tells the listeners.
 */
final class IncidentJournal {

    private final IncidentLogStore log;
    private final String incidentId;
    private final Consumer<IncidentEvent> listeners;

    IncidentJournal(IncidentLogStore log, String incidentId, Consumer<IncidentEvent> listeners) {
        this.log = log;
        this.incidentId = incidentId;
        this.listeners = listeners;
    }

    String incidentId() {
        return incidentId;
    }

    IncidentEvent record(EventData data, String stepId) {
        return published(log.append(incidentId, EventDraft.of(data, stepId)));
    }

    /** A note; {@code occurredAt} is an earlier moment it is about, when added after the fact. */
    IncidentEvent note(String text, Instant occurredAt) {
        return published(log.append(incidentId, new EventDraft(new EventData.Note(text), null, null, occurredAt)));
    }

    /** From now on this incident's events name the AWS identity beside the OS user; other incidents keep theirs. */
    void actingAs(String arn) {
        String user = System.getProperty("user.name", "operator");
        log.setActor(incidentId, user + " as " + arn);
    }

    /** A value that must never be written, wherever it appears. */
    void secret(String value) {
        log.redactor().addSecret(value);
    }

    /** A step as the operator may see it: its outputs and message redacted as the log redacts them. */
    StepRun shown(StepRun run) {
        return run.shown(
                log.redactor().redactValues(run.outputs()), log.redactor().redact(run.message()));
    }

    /** The incident's own folder for the files its steps write. */
    Path folder() {
        return log.incidentFolder(incidentId);
    }

    List<IncidentEvent> events() {
        return log.events(incidentId);
    }

    private IncidentEvent published(IncidentEvent event) {
        listeners.accept(event);
        return event;
    }
}
