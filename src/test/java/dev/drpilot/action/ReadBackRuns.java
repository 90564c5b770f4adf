package dev.drpilot.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.IncidentListener;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs of a test's runbook for the post-condition tests: declared without running, so that a
 * listener can be added first that changes the live state between a step's change and its
 * read-back, as something else acting on the same resource would.
 */
public final class ReadBackRuns {

    /** A change to the live state made from the test. */
    @FunctionalInterface
    public interface Change {
        void make() throws Exception;
    }

    private ReadBackRuns() {}

    /** The runbook of these steps, declared as a rehearsal on the engine, not started. */
    public static IncidentRun declare(Path dir, IncidentEngine engine, String steps) throws Exception {
        Path file = Files.writeString(dir.resolve("read-back.yaml"), """
                id: read-back
                title: A test's runbook
                architecture: both
                kind: readiness
                targets: { rto: none, rpo: none }
                steps:
                """ + steps);
        var loaded = new RunbookLoader(ActionCatalog.builtIn()).load(List.of(file));
        assertThat(loaded.problems()).as("the test's runbook is valid").isEmpty();
        Runbook runbook = loaded.runbooks().get(0);
        return engine.declare(
                runbook,
                Map.of(),
                new NewIncident(runbook.id(), runbook.title(), IncidentMode.REHEARSAL, null, null, null));
    }

    /** Runs every step, typing each confirmation asked for, until one fails or all are done; returns the last step run. */
    public static StepRun runAll(IncidentRun run) throws Exception {
        run.runToNextConfirmation().get(120, TimeUnit.SECONDS);
        for (StepRun step = waiting(run); step != null; step = waiting(run)) {
            run.confirm(step.id(), run.confirmationText(step.id())).get(120, TimeUnit.SECONDS);
        }
        List<StepRun> steps = run.steps();
        return steps.stream()
                .filter(s -> s.state() == StepState.FAILED)
                .findFirst()
                .orElse(steps.getLast());
    }

    private static StepRun waiting(IncidentRun run) {
        return run.steps().stream()
                .filter(s -> s.state() == StepState.AWAITING_CONFIRMATION)
                .findFirst()
                .orElse(null);
    }

    /**
     * Makes the change once, on the step's own thread, when the log records the first event of this
     * kind whose payload contains the marker: the moment between a call and what comes after it.
     *
     * @return whether the change was made, for the test to check that it was
     */
    public static AtomicBoolean onEvent(IncidentRun run, EventKind kind, String marker, Change change) {
        AtomicBoolean made = new AtomicBoolean();
        run.addListener(new IncidentListener() {
            @Override
            public void stepChanged(StepRun step) {}

            @Override
            public void logged(IncidentEvent event) {
                if (event.kind() == kind && event.payload().contains(marker) && made.compareAndSet(false, true)) {
                    try {
                        change.make();
                    } catch (Exception e) {
                        throw new IllegalStateException("the test's change failed", e);
                    }
                }
            }
        });
        return made;
    }
}
