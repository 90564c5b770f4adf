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

/** Puts an incident's steps back where its log says they stood. */
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
            if (event.kind() == EventKind.STEP_ADDED) {
                run.insertManualStep(IncidentEngine.payload(event));
                continue;
            }
            if (event.kind() == EventKind.CLOCK_BREACH) {
                run.restoreBreach(String.valueOf(IncidentEngine.payload(event).get("clock")));
                continue;
            }
            if (event.stepId() == null) continue;
            StepRun step = states.computeIfAbsent(event.stepId(), run::step);
            Map<String, Object> payload = IncidentEngine.payload(event);
            StepRun next = switch (event.kind()) {
                case STEP_STARTED -> step.started(event.time());
                case STEP_WAITING -> step.progress(StepState.WAITING, "Waiting for " + payload.get("for"), null);
                case CONFIRMATION_REQUESTED -> step.with(StepState.AWAITING_CONFIRMATION,
                        "Destructive: type '" + payload.get("type") + "' to go ahead");
                case CONFIRMATION_GIVEN -> {
                    confirmed.add(event.stepId());
                    yield step;
                }
                case STEP_SUCCEEDED -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> out = (Map<String, Object>) payload.getOrDefault("outputs", Map.of());
                    outputs.put(event.stepId(), out);
                    confirmed.remove(event.stepId());
                    yield step.ended(StepState.SUCCEEDED, event.time(), out, String.valueOf(payload.get("summary")));
                }
                case STEP_FAILED -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> found = (Map<String, Object>) payload.getOrDefault("outputs", Map.of());
                    yield step.ended(StepState.FAILED, event.time(), found, String.valueOf(payload.get("message")));
                }
                case STEP_SKIPPED -> step.ended(StepState.SKIPPED, event.time(), Map.of(), "Skipped: " + payload.get("reason"));
                case STEP_CANCELLED -> step.ended(StepState.CANCELLED, event.time(), Map.of(), String.valueOf(payload.get("message")));
                case STEP_INTERRUPTED -> step.ended(StepState.INTERRUPTED, event.time(), Map.of(), String.valueOf(payload.get("message")));
                default -> step;
            };
            states.put(event.stepId(), next);
        }
        for (StepRun step : states.values()) {
            StepRun restored = step;
            if (step.state().isActive()) restored = interrupted(step);
            run.restore(restored, outputs.get(step.id()), confirmed.contains(step.id()));
        }
        run.refreshCommands();
    }

    private StepRun interrupted(StepRun step) {
        String advice = step.step().isManual()
                ? "DR Pilot stopped while this step waited for you; start it again to tick it off"
                : "Was running when DR Pilot stopped: check " + (step.command() == null ? "its resource" : "the resource of `" + step.command() + "`")
                + " before you retry it";
        run.journal().record(EventKind.STEP_INTERRUPTED, step.id(), Map.of("message", advice));
        return step.ended(StepState.INTERRUPTED, clock.instant(), Map.of(), advice);
    }
}
