package dev.drpilot.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.AwsSettings;
import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.action.k8s.KubeSettings;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A runbook a test writes around the steps it needs, run through the real engine with the real
 * actions (no AWS or Kubernetes client is ever built unless a step needs one). Runs to the end or
 * the first confirmation.
 */
public final class AdHocRunbook {

    private AdHocRunbook() {}

    public static IncidentRun run(
            Path dir, IncidentLogStore log, String steps, Map<String, String> params, String... paramNames)
            throws Exception {
        return run(dir, log, steps, params, new AwsClients(AwsSettings.of(null, "us-west-2", null)), paramNames);
    }

    /** The same, with AWS clients of the test's own (moto). */
    public static IncidentRun run(Path dir, IncidentLogStore log, String steps, AwsClients aws) throws Exception {
        return run(dir, log, steps, Map.of(), aws);
    }

    private static IncidentRun run(
            Path dir,
            IncidentLogStore log,
            String steps,
            Map<String, String> params,
            AwsClients aws,
            String... paramNames)
            throws Exception {
        return run(
                dir,
                DrPilotServices.fromEnvironment()
                        .engine(log, aws, new KubeClients(new KubeSettings(dir.resolve("no-kubeconfig"), null))),
                steps,
                params,
                paramNames);
    }

    /** The same on an engine the test builds (its own actions, or settings). */
    public static IncidentRun run(
            Path dir, IncidentEngine engine, String steps, Map<String, String> params, String... paramNames)
            throws Exception {
        StringBuilder yaml = new StringBuilder("""
                id: ad-hoc
                title: A test's runbook
                architecture: both
                kind: readiness
                targets: { rto: none, rpo: none }
                """);
        if (paramNames.length > 0) {
            yaml.append("params:\n");
            for (String name : paramNames)
                yaml.append("  - { name: ").append(name).append(", type: string, required: false }\n");
        }
        yaml.append("steps:\n").append(steps);
        Path file = Files.writeString(dir.resolve("ad-hoc.yaml"), yaml);
        var loaded = new RunbookLoader(ActionCatalog.builtIn()).load(List.of(file));
        assertThat(loaded.problems()).as("the test's runbook is valid").isEmpty();
        Runbook runbook = loaded.runbooks().get(0);
        IncidentRun run = engine.declare(
                runbook, params, new NewIncident("ad-hoc", "test", IncidentMode.REHEARSAL, null, null, null));
        run.runToNextConfirmation().get(120, TimeUnit.SECONDS);
        return run;
    }
}
