package dev.drpilot.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * An incident's life in the log: declared, its start set back, recovered, closed, reopened. Each
 * is an event and a change of the incident's row, checked against the state the incident is in.
 * Called on the log's thread, so that the check, the event and the row change are one step.
 */
final class IncidentLifecycle {

    private final IncidentLogStore log;
    private final EventWriter writer;
    private final EventClocks clocks;
    private final SecretRedactor redactor;

    IncidentLifecycle(IncidentLogStore log, EventWriter writer, EventClocks clocks, SecretRedactor redactor) {
        this.log = log;
        this.writer = writer;
        this.clocks = clocks;
        this.redactor = redactor;
    }

    /** A new incident, its events stamped by {@code time} (a tabletop's own clock, or the log's). */
    Incident declared(
            NewIncident request,
            Map<String, String> params,
            String exercise,
            EventData.RunbookFile runbookFile,
            Clock time) {
        writer.refuse("the declaration of " + request.title());
        Instant now = Instant.ofEpochMilli(time.millis());
        String id = IncidentIds.next(request.mode(), now);
        boolean ownClock = !clocks.isTheLogs(time);
        if (ownClock) clocks.keep(id, time);
        IncidentEvent declaration = writer.declare(
                id,
                EventDraft.of(
                        new EventData.Declared(
                                params,
                                exercise,
                                request.runbookId(),
                                redactor.redact(request.title()),
                                request.mode().name(),
                                request.severity(),
                                request.commander(),
                                request.failureStartedAt(),
                                runbookFile),
                        null));
        Incident d = IncidentRows.declaredBy(declaration);
        return new Incident(
                d.id(),
                d.runbookId(),
                d.title(),
                d.mode(),
                d.severity(),
                d.commander(),
                d.declaredAt(),
                d.failureStartedAt(),
                null,
                null,
                ownClock ? d.declaredAt() : null);
    }

    IncidentEvent failureStartedAt(String incidentId, Instant failureStartedAt, String reason) {
        writer.refuse("the failure start of " + incidentId);
        setTime("failure_started_at", failureStartedAt, incidentId);
        return log.append(
                incidentId,
                EventDraft.of(new EventData.StartSetBack(failureStartedAt, reason == null ? "" : reason), null));
    }

    IncidentEvent recovered(String incidentId, EventData.Recovered said) {
        IncidentState state = stateOf(incidentId);
        if (state != IncidentState.OPEN)
            throw new IllegalStateException(incidentId + ": it is already " + state.label());
        IncidentEvent event = log.append(incidentId, EventDraft.of(said, null));
        setTime("recovered_at", event.time(), incidentId);
        return event;
    }

    IncidentEvent closed(String incidentId, String summary) {
        if (stateOf(incidentId) == IncidentState.CLOSED)
            throw new IllegalStateException(incidentId + " is already closed");
        IncidentEvent event = log.append(incidentId, EventDraft.of(new EventData.Closed(summary), null));
        setTime("closed_at", event.time(), incidentId);
        return event;
    }

    IncidentEvent reopened(String incidentId, String reason) {
        if (stateOf(incidentId) == IncidentState.OPEN) throw new IllegalStateException(incidentId + " is open already");
        IncidentEvent event = log.append(incidentId, EventDraft.of(new EventData.Reopened(reason), null));
        log.withConnection("reopen the incident", connection -> {
            IncidentRows.reopen(connection, incidentId);
            H2EventStore.sync(connection);
            return null;
        });
        return event;
    }

    private IncidentState stateOf(String incidentId) {
        return log.incident(incidentId)
                .orElseThrow(() -> new IllegalArgumentException("no incident " + incidentId + " in " + log.file()))
                .state();
    }

    private void setTime(String column, Instant value, String incidentId) {
        boolean found = log.withConnection("update the incident", connection -> {
            boolean set = IncidentRows.set(connection, column, value, incidentId);
            if (set) H2EventStore.sync(connection);
            return set;
        });
        if (!found) throw new IllegalArgumentException("no incident " + incidentId + " in " + log.file());
    }
}
