package dev.drpilot.engine;

import dev.drpilot.runbook.Step;
import java.time.Instant;
import java.util.Map;

/**
 * A step's state in an incident, as the operator sees it: an immutable snapshot published to
 * listeners on every change.
 *
 * @param attempts how many times it has been started (retries included)
 * @param message  the last thing worth saying: progress, the result's summary, or the error in the action's words
 * @param fraction progress from 0 to 1 when known, else null
 */
public record StepRun(
        Step step,
        StepState state,
        int attempts,
        Instant startedAt,
        Instant endedAt,
        Map<String, Object> outputs,
        String message,
        Double fraction,
        String command) {

    public StepRun {
        outputs = Map.copyOf(outputs);
    }

    static StepRun pending(Step step, String command) {
        return new StepRun(step, StepState.PENDING, 0, null, null, Map.of(), null, null, command);
    }

    StepRun with(StepState newState, String newMessage) {
        return new StepRun(step, newState, attempts, startedAt, endedAt, outputs, newMessage, fraction, command);
    }

    StepRun started(Instant at) {
        return new StepRun(step, StepState.RUNNING, attempts + 1, at, null, Map.of(), null, null, command);
    }

    StepRun ended(StepState newState, Instant at, Map<String, Object> newOutputs, String newMessage) {
        return new StepRun(step, newState, attempts, startedAt, at, newOutputs, newMessage, null, command);
    }

    StepRun progress(StepState newState, String newMessage, Double newFraction) {
        return new StepRun(step, newState, attempts, startedAt, endedAt, outputs, newMessage, newFraction, command);
    }

    StepRun shown(Map<String, Object> shownOutputs, String shownMessage) {
        return new StepRun(step, state, attempts, startedAt, endedAt, shownOutputs, shownMessage, fraction, command);
    }

    StepRun withCommand(String newCommand) {
        return new StepRun(step, state, attempts, startedAt, endedAt, outputs, message, fraction, newCommand);
    }

    public String id() {
        return step.id();
    }
}
