package dev.drpilot.action.aws;

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
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Runs one step of a state-changing action through the real engine, optionally changing the live
 * state behind its back between its change call and its read-back: the tamper pattern of the
 * post-condition tests.
 */
final class Postconditions {

    private static final String STEP = "step";

    private Postconditions() {}

    /** A runbook of the one step (its id "step"), declared but not started, so that a listener can be added first. */
    static IncidentRun declare(Path dir, IncidentEngine engine, String step) throws Exception {
        Runbook runbook = Runbooks.write(dir, "postcondition", """
                id: postcondition
                title: One state-changing step
                architecture: both
                kind: readiness
                targets: { rto: none, rpo: none }
                steps:
                  - %s
                """.formatted(step.replace("\n", "\n    ")));
        return engine.declare(
                runbook,
                Map.of(),
                new NewIncident(runbook.id(), runbook.title(), IncidentMode.REHEARSAL, null, null, null));
    }

    /**
     * Calls {@code tamper} on the step's thread right after each AWS call named {@code operation}
     * (before whatever the action reads next) until it says it changed something.
     *
     * @return whether it did
     */
    static AtomicBoolean after(IncidentRun run, String operation, BooleanSupplier tamper) {
        AtomicBoolean tampered = new AtomicBoolean();
        run.addListener(new IncidentListener() {
            @Override
            public void stepChanged(StepRun step) {}

            @Override
            public void logged(IncidentEvent event) {
                if (event.kind() == EventKind.API_CALL
                        && event.payload().contains("\"" + operation + "\"")
                        && !tampered.get()) {
                    tampered.set(tamper.getAsBoolean());
                }
            }
        });
        return tampered;
    }

    /** Runs the step, typing its confirmation when it asks for one. */
    static StepRun run(IncidentRun run) throws Exception {
        run.runToNextConfirmation().get(120, TimeUnit.SECONDS);
        if (run.step(STEP).state() == StepState.AWAITING_CONFIRMATION) {
            run.confirm(STEP, run.confirmationText(STEP)).get(120, TimeUnit.SECONDS);
        }
        return run.step(STEP);
    }

    static void assertChecked(StepRun step, String checked) {
        assertThat(step.state()).as(step.message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(step.message()).contains("Checked: " + checked);
    }

    static void assertFailed(StepRun step, String message) {
        assertThat(step.state()).as(step.message()).isEqualTo(StepState.FAILED);
        assertThat(step.message()).contains(message);
    }
}
