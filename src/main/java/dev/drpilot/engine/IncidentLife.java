package dev.drpilot.engine;

import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentState;
import dev.drpilot.runbook.Phase;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookKind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An incident's own life beside its steps: open, recovered, closed, reopened; its start; its
 * clocks, and each breach of them logged once. Counted again from the log after every change.
 */
final class IncidentLife {

    private final Object lock;
    private final IncidentLogStore log;
    private final Runbook runbook;
    private final IncidentJournal journal;
    private final StepBoard board;
    private final Wheel wheel;
    private final Clock clock;
    private final IncidentListeners listeners;
    /** Clocks already logged as breached, so each breach is logged once. */
    private final Set<String> breached = new HashSet<>();

    private volatile IncidentClocks clocks;
    private volatile IncidentState state;
    private volatile Incident incident;

    /** @param events the incident's events in the log as it was opened, for its figures and clocks */
    IncidentLife(
            Object lock,
            IncidentLogStore log,
            Incident incident,
            List<IncidentEvent> events,
            Runbook runbook,
            IncidentJournal journal,
            StepBoard board,
            Wheel wheel,
            Clock clock,
            IncidentListeners listeners) {
        this.lock = lock;
        this.log = log;
        this.runbook = runbook;
        this.journal = journal;
        this.board = board;
        this.wheel = wheel;
        this.clock = clock;
        this.listeners = listeners;
        counted(incident, events);
    }

    Incident incident() {
        return incident;
    }

    IncidentState state() {
        return state;
    }

    IncidentClocks.Reading clocks() {
        return clocks.at(clock.instant(), board.steps());
    }

    void refuseWhenClosed() {
        if (state == IncidentState.CLOSED)
            throw new IllegalStateException("incident " + incident.id() + " is closed: reopen it to run steps");
    }

    IncidentEvent setFailureStart(Instant failureStartedAt, String reason) {
        if (failureStartedAt.isAfter(clock.instant().plusSeconds(60))) {
            throw new IllegalArgumentException(
                    "the failure's start " + failureStartedAt + " is in the future: give when it began, in UTC");
        }
        return changed(log.life().setFailureStart(incident.id(), failureStartedAt, reason));
    }

    IncidentEvent recovered(String by, String note) {
        synchronized (lock) {
            return changed(log.life()
                    .recovered(
                            incident.id(), new EventData.Recovered(by, note == null || note.isBlank() ? null : note)));
        }
    }

    IncidentEvent close(String summary) {
        synchronized (lock) {
            return changed(log.life().close(incident.id(), summary));
        }
    }

    IncidentEvent reopen(String reason) {
        synchronized (lock) {
            IncidentEvent event = log.life().reopen(incident.id(), reason);
            breached.remove("RTO");
            return changed(event);
        }
    }

    /** Another process changed the incident's own row: its state and clocks follow. */
    void followed(IncidentEvent event) {
        synchronized (lock) {
            if (event.kind() == EventKind.INCIDENT_REOPENED) breached.remove("RTO");
            counted(log.incident(incident.id()).orElseThrow(), journal.events());
        }
    }

    /** Logs every clock that has run out since the last check; only the driver logs them, the others read them in the log. */
    List<IncidentClocks.Breach> checkClocks() {
        synchronized (lock) {
            List<IncidentClocks.Breach> fresh = new ArrayList<>();
            if (!wheel.held()) return fresh;
            for (IncidentClocks.Breach breach : clocks.breaches(clock.instant(), board.steps())) {
                if (breached.add(breach.clock())) {
                    journal.record(new EventData.ClockBreach(breach.clock(), breach.detail()), null);
                    fresh.add(breach);
                }
            }
            return fresh;
        }
    }

    void restoreBreach(String clockName) {
        synchronized (lock) {
            breached.add(clockName);
        }
    }

    /**
     * A recovery runbook whose immediate and recovery steps are all done has brought the service back,
     * unless it marks the step that proves it ({@link #recoveredByStep}).
     */
    void recoveredByItsSteps() {
        if (state != IncidentState.OPEN
                || runbook.kind() != RunbookKind.RECOVERY
                || runbook.recoveryStep().isPresent()) return;
        List<StepRun> recovery = board.steps().stream()
                .filter(s -> s.step().phase() == Phase.IMMEDIATE || s.step().phase() == Phase.RECOVERY)
                .toList();
        if (recovery.isEmpty()
                || !recovery.stream().allMatch(s -> s.state() == StepState.SUCCEEDED || s.state() == StepState.SKIPPED))
            return;
        recovered(EventData.Recovered.BY_STEPS, "every step of the immediate and recovery phases is done");
    }

    /** The step marked {@code recovers} succeeded: the service is back as of now, by what that step checked. */
    void recoveredByStep(StepRun end) {
        if (state != IncidentState.OPEN || !end.step().recovers() || end.state() != StepState.SUCCEEDED) return;
        recovered("step " + end.id(), end.message());
    }

    /** After a change of the incident's own row: its state and clocks read again from the log. */
    private IncidentEvent changed(IncidentEvent event) {
        counted(log.incident(incident.id()).orElseThrow(), journal.events());
        listeners.logged(event);
        return event;
    }

    private void counted(Incident row, List<IncidentEvent> events) {
        incident = row;
        clocks = IncidentClocks.of(IncidentFigures.of(row, events, runbook), runbook.targets());
        state = row.state();
    }
}
