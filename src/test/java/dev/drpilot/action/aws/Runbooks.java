package dev.drpilot.action.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.ActionRegistry;
import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.action.k8s.KubeSettings;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.app.wiring.EngineWiring;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.Sleeper;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Runs a shipped runbook through the real engine and the real AWS actions, for the tests on moto. */
final class Runbooks {

    private Runbooks() {}

    static Runbook load(String id) {
        return load(Path.of("runbooks/" + id + ".yaml"));
    }

    /** A runbook written by a test, for an action no shipped runbook uses on its own. */
    static Runbook write(Path dir, String id, String yaml) throws java.io.IOException {
        return load(java.nio.file.Files.writeString(dir.resolve(id + ".yaml"), yaml));
    }

    private static Runbook load(Path file) {
        var loaded = new RunbookLoader(ActionCatalog.builtIn()).load(List.of(file));
        assertThat(loaded.problems()).as(file + " is valid").isEmpty();
        return loaded.runbooks().get(0);
    }

    /** An engine whose clock is {@code clock} (to make snapshots look old, say), with no kubeconfig: these runbooks only call AWS. */
    static IncidentEngine engine(IncidentLogStore log, AwsClients aws, Clock clock) {
        KubeClients noCluster = new KubeClients(new KubeSettings(Path.of("no-kubeconfig"), null));
        return new IncidentEngine(
                log,
                new ActionRegistry(ActionCatalog.builtIn(), EngineWiring.actions(aws, noCluster)),
                Executors.newSingleThreadExecutor(),
                clock,
                Sleeper.real(),
                new SecureRandom());
    }

    /** Declares the runbook as a rehearsal and runs it until it ends or needs a confirmation. */
    static IncidentRun runToConfirmation(IncidentEngine engine, String id, Map<String, String> params)
            throws Exception {
        return runToConfirmation(engine, load(id), params);
    }

    static IncidentRun runToConfirmation(IncidentEngine engine, Runbook runbook, Map<String, String> params)
            throws Exception {
        String id = runbook.id();
        IncidentRun run = engine.declare(
                runbook, params, new NewIncident(id, runbook.title(), IncidentMode.REHEARSAL, null, null, null));
        run.runToNextConfirmation().get(120, TimeUnit.SECONDS);
        return run;
    }

    /** Runs the whole runbook and checks every step succeeded, naming the first that did not. */
    static IncidentRun runAll(IncidentLogStore log, AwsClients aws, String id, Map<String, String> params)
            throws Exception {
        IncidentRun run = runToConfirmation(DrPilotServices.fromEnvironment().engine(log, aws), id, params);
        assertSucceeded(run);
        return run;
    }

    static void assertSucceeded(IncidentRun run) {
        for (StepRun step : run.steps()) {
            assertThat(step.state())
                    .as(run.runbook().id() + " step " + step.step().id() + ": " + step.message())
                    .isEqualTo(StepState.SUCCEEDED);
        }
    }
}
