package dev.drpilot.engine;

import dev.drpilot.incident.EventData;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The steps of one incident as the operator sees them, in order: each change is redacted as the
 * log redacts it, carries its command with the values known now, and reaches the listeners.
 * Guarded by the run's lock, as every change of its steps is.
 */
final class StepBoard {

    private final Object lock;
    private final Runbook runbook;
    private final StepInputs inputs;
    private final IncidentJournal journal;
    private final IncidentListeners listeners;
    private final List<StepRun> steps = new ArrayList<>();
    private int addedSteps;

    StepBoard(Object lock, Runbook runbook, StepInputs inputs, IncidentJournal journal, IncidentListeners listeners) {
        this.lock = lock;
        this.runbook = runbook;
        this.inputs = inputs;
        this.journal = journal;
        this.listeners = listeners;
        for (Step step : runbook.steps()) steps.add(StepRun.pending(step, inputs.commandOf(step)));
    }

    List<StepRun> steps() {
        synchronized (lock) {
            return List.copyOf(steps);
        }
    }

    StepRun step(String stepId) {
        synchronized (lock) {
            return steps.get(indexOf(stepId));
        }
    }

    /** The first step not yet done with (succeeded or skipped), if any. */
    Optional<StepRun> firstUnsettled() {
        synchronized (lock) {
            return steps.stream().filter(s -> !s.state().isSettled()).findFirst();
        }
    }

    /** Every state the operator sees goes through the redactor, as the log does: outputs and messages. */
    void update(StepRun run) {
        synchronized (lock) {
            StepRun shown = journal.shown(run);
            StepRun updated = shown.command() == null && !shown.step().isManual()
                    ? shown.withCommand(inputs.commandOf(shown.step()))
                    : shown;
            steps.set(indexOf(run.id()), updated);
            listeners.stepChanged(updated);
        }
    }

    /** A step's new state, as another process's event says, with the outputs it produced when it succeeded. */
    void followed(StepRun step, Map<String, Object> stepOutputs) {
        synchronized (lock) {
            if (stepOutputs != null) {
                inputs.outputs(step.id(), stepOutputs);
                refreshCommands();
            }
            StepRun shown = step.withCommand(step(step.id()).command());
            steps.set(indexOf(step.id()), shown);
            listeners.stepChanged(shown);
        }
    }

    /** A step where the log left it, with its outputs when it had succeeded; the listeners hear of it with the others later. */
    void restore(StepRun run, Map<String, Object> stepOutputs) {
        synchronized (lock) {
            steps.set(indexOf(run.id()), run);
            if (stepOutputs != null) inputs.outputs(run.id(), stepOutputs);
        }
    }

    /** The id the next step the operator adds gets. */
    String nextAddedId() {
        synchronized (lock) {
            return "added-" + (addedSteps + 1);
        }
    }

    StepRun insertManualStep(EventData.StepAdded added) {
        synchronized (lock) {
            addedSteps++;
            String after = added.after();
            int at = after == null ? steps.size() : indexOf(after) + 1;
            Step anchor = steps.get(Math.max(0, Math.min(at, steps.size()) - 1)).step();
            Step step = new Step(
                    added.id(),
                    added.title(),
                    anchor.phase(),
                    null,
                    Map.of(),
                    added.instructions(),
                    List.of(),
                    Map.of(),
                    null,
                    null,
                    false,
                    null,
                    false,
                    false,
                    anchor.position());
            StepRun run = StepRun.pending(step, null);
            steps.add(at, run);
            listeners.stepChanged(run);
            return run;
        }
    }

    /** Refreshes the commands once earlier outputs are known (a later step's command uses them). */
    void refreshCommands() {
        synchronized (lock) {
            for (int i = 0; i < steps.size(); i++)
                steps.set(
                        i,
                        steps.get(i).withCommand(inputs.commandOf(steps.get(i).step())));
        }
    }

    private int indexOf(String stepId) {
        for (int i = 0; i < steps.size(); i++) if (steps.get(i).id().equals(stepId)) return i;
        throw new IllegalArgumentException("no step '" + stepId + "' in runbook " + runbook.id());
    }
}
