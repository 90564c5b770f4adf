package dev.drpilot.action.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.IncidentListener;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a runbook of one state-changing step, {@code change}, through the real engine and actions
 * on moto, typing its confirmation when it asks for one; the log is a real H2 file in the test's
 * folder. The tampered run changes the live state right after the step's change call returned
 * (its API_CALL event is logged, on the step's thread, before the read-back is made), so the
 * read-back sees a state the step did not make.
 */
final class OneStep {

    private static final String HEADER = """
            id: one-step
            title: One state-changing step
            architecture: both
            kind: recovery
            targets: { rto: none, rpo: none }
            steps:
            """;

    private OneStep() {}

    static StepRun run(Path dir, AwsClients aws, String step) throws Exception {
        return run(dir, aws, step, null, null);
    }

    /** The same, with {@code tamper} run once right after the step's call of {@code operation}. */
    static StepRun tampered(Path dir, AwsClients aws, String step, String operation, Runnable tamper) throws Exception {
        return run(dir, aws, step, operation, tamper);
    }

    private static StepRun run(Path dir, AwsClients aws, String step, String operation, Runnable tamper)
            throws Exception {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            Runbook runbook = Runbooks.write(dir, "one-step", HEADER + "  - " + step + "\n");
            IncidentRun run = DrPilotServices.fromEnvironment()
                    .engine(log, aws)
                    .declare(
                            runbook,
                            Map.of(),
                            new NewIncident(runbook.id(), runbook.title(), IncidentMode.REHEARSAL, null, null, null));
            AtomicBoolean tampered = new AtomicBoolean();
            if (operation != null) run.addListener(new Tamper(operation, tamper, tampered));
            run.runToNextConfirmation().get(60, TimeUnit.SECONDS);
            if (run.step("change").state() == StepState.AWAITING_CONFIRMATION) {
                run.confirm("change", run.confirmationText("change")).get(60, TimeUnit.SECONDS);
            }
            assertThat(tampered.get())
                    .as("the state was changed after " + operation)
                    .isEqualTo(operation != null);
            return run.step("change");
        }
    }

    private record Tamper(String operation, Runnable change, AtomicBoolean done) implements IncidentListener {

        @Override
        public void stepChanged(StepRun step) {}

        @Override
        public void logged(IncidentEvent event) {
            if (event.kind() == EventKind.API_CALL
                    && event.payload().contains("\"" + operation + "\"")
                    && done.compareAndSet(false, true)) {
                change.run();
            }
        }
    }
}
