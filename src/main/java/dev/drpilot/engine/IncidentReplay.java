package dev.drpilot.engine;

import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts an incident's steps where its log says they stand: all at once when it is opened, and one
 * event at a time as another DR Pilot writes them.
 */
final class IncidentReplay {

    private final IncidentRun run;
    private final Clock clock;

    IncidentReplay(IncidentRun run, Clock clock) {
        this.run = run;
        this.clock = clock;
    }

    void replay(List<IncidentEvent> events) {
        Map<String, StepRun> states = new LinkedHashMap<>();
        Map<String, Map<String, Object>> outputs = new HashMap<>();
        Set<String> confirmed = new HashSet<>();
        for (IncidentEvent event : events) {
            if (incidentWide(event) || event.stepId() == null) continue;
            StepRun step = states.computeIfAbsent(event.stepId(), run::step);
            Map<String, Object> payload = IncidentEngine.payload(event);
            if (event.kind() == EventKind.CONFIRMATION_GIVEN) confirmed.add(event.stepId());
            if (event.kind() == EventKind.STEP_SUCCEEDED) {
                outputs.put(event.stepId(), outputs(payload));
                confirmed.remove(event.stepId());
            }
            states.put(event.stepId(), next(step, event, payload));
        }
        for (StepRun step : states.values()) run.restore(step, outputs.get(step.id()), confirmed.contains(step.id()));
        run.refreshCommands();
    }

    /** One event another process wrote, applied as it arrives. */
    void follow(IncidentEvent event) {
        if (incidentWide(event) || event.stepId() == null) return;
        Map<String, Object> payload = IncidentEngine.payload(event);
        StepRun next = next(run.step(event.stepId()), event, payload);
        run.followed(next, event.kind() == EventKind.STEP_SUCCEEDED ? outputs(payload) : null);
    }

    /**
     * Steps the log shows as running that no thread of this process runs: the DR Pilot that ran
     * them stopped (a crash, a closed laptop) or let go in the middle. Each becomes interrupted,
     * and that is logged.
     */
    void interruptLeftOver(Set<String> runningHere) {
        for (StepRun step : run.steps()) {
            if (!step.state().isActive() || runningHere.contains(step.id())) continue;
            String advice = step.step().isManual()
                    ? "DR Pilot stopped while this step waited for you; start it again to tick it off"
                    : "Was running when DR Pilot stopped: check " + (step.command() == null ? "its resource" : "the resource of `" + step.command() + "`")
                    + " before you retry it";
            run.journal().record(EventKind.STEP_INTERRUPTED, step.id(), Map.of("message", advice));
            run.update(step.ended(StepState.INTERRUPTED, clock.instant(), Map.of(), advice));
        }
    }

    /** A step added, or a clock breached: true when the event was one of those. */
    private boolean incidentWide(IncidentEvent event) {
        switch (event.kind()) {
            case STEP_ADDED -> run.insertManualStep(IncidentEngine.payload(event));
            case CLOCK_BREACH -> run.restoreBreach(String.valueOf(IncidentEngine.payload(event).get("clock")));
            default -> {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> outputs(Map<String, Object> payload) {
        return (Map<String, Object>) payload.getOrDefault("outputs", Map.of());
    }

    private static StepRun next(StepRun step, IncidentEvent event, Map<String, Object> payload) {
        return switch (event.kind()) {
            case STEP_STARTED -> step.started(event.time());
            case STEP_WAITING -> step.progress(StepState.WAITING, "Waiting for " + payload.get("for"), null);
            case CONFIRMATION_REQUESTED -> step.with(StepState.AWAITING_CONFIRMATION,
                    "Destructive: type '" + payload.get("type") + "' to go ahead");
            case STEP_SUCCEEDED -> step.ended(StepState.SUCCEEDED, event.time(), outputs(payload), String.valueOf(payload.get("summary")));
            case STEP_FAILED -> step.ended(StepState.FAILED, event.time(), outputs(payload), String.valueOf(payload.get("message")));
            case STEP_SKIPPED -> step.ended(StepState.SKIPPED, event.time(), Map.of(), "Skipped: " + payload.get("reason"));
            case STEP_CANCELLED -> step.ended(StepState.CANCELLED, event.time(), Map.of(), String.valueOf(payload.get("message")));
            case STEP_INTERRUPTED -> step.ended(StepState.INTERRUPTED, event.time(), Map.of(), String.valueOf(payload.get("message")));
            default -> step;
        };
    }
}
