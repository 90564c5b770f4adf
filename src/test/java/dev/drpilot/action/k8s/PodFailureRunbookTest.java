package dev.drpilot.action.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.AwsSettings;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Druid pod-failure runbook end to end on the mock cluster: find the crash-looping pod, read its logs, delete it, see it Ready. */
@EnableKubernetesMockClient(crud = true, https = false)
class PodFailureRunbookTest {

    static KubernetesMockServer server;
    static KubernetesClient client;

    @TempDir
    Path dir;

    @BeforeEach
    void seed() {
        MockCluster.seed(client);
    }

    static Runbook runbook(String id) {
        return new RunbookLoader(ActionCatalog.builtIn())
                .load(List.of(Path.of("runbooks/" + id + ".yaml")))
                .runbooks()
                .get(0);
    }

    static IncidentRun declare(IncidentLogStore log, KubeClients kube, String id, Map<String, String> params)
            throws Exception {
        Runbook runbook = runbook(id);
        AwsClients noAws = new AwsClients(AwsSettings.of(null, "us-west-2", null));
        return DrPilotServices.fromEnvironment()
                .engine(log, noAws, kube)
                .declare(
                        runbook,
                        params,
                        new NewIncident(id, runbook.title(), IncidentMode.REHEARSAL, null, null, null));
    }

    @Test
    void theCrashLoopingHistoricalIsFoundDeletedAndBackReady() throws Exception {
        server.expect()
                .get()
                .withPath(
                        "/api/v1/namespaces/druid/pods/druid-historical-2/log?pretty=false&previous=true&tailLines=200")
                .andReturn(
                        200,
                        "2024-01-15T10:20:00Z ERROR Failed to load segment: java.lang.OutOfMemoryError: Java heap space\n")
                .always();
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
                KubeClients kube =
                        new KubeClients(new KubeSettings(MockCluster.kubeconfig(dir, server, "druid-prod"), null))) {
            IncidentRun run = declare(log, kube, "druid-pod-failure", Map.of("pod", "druid-historical-2"));

            run.runToNextConfirmation().get(60, TimeUnit.SECONDS);
            assertThat(run.step("identify").outputs())
                    .containsEntry("unhealthy", List.of("druid-historical-2"))
                    .containsEntry("unhealthyCount", 1);
            assertThat(run.step("identify").message()).contains("druid-historical-2 (CrashLoopBackOff)");
            assertThat(run.step("logs").outputs().get("log")).asString().contains("OutOfMemoryError");
            assertThat(run.step("delete").state())
                    .as("nothing is deleted before the confirmation")
                    .isEqualTo(StepState.AWAITING_CONFIRMATION);
            assertThat(client.pods()
                            .inNamespace("druid")
                            .withName("druid-historical-2")
                            .get())
                    .isNotNull();

            try (PlayedController controller =
                    new PlayedController(client, List.of("druid-historical-2"), "ip-10-0-2-10")) {
                run.confirm("delete", "druid-historical-2").get(60, TimeUnit.SECONDS);
                run.runToNextConfirmation().get(60, TimeUnit.SECONDS);
            }

            assertThat(run.steps()).extracting(StepRun::state).containsOnly(StepState.SUCCEEDED);
            assertThat(PodHealth.isReady(client.pods()
                            .inNamespace("druid")
                            .withName("druid-historical-2")
                            .get()))
                    .isTrue();
            List<IncidentEvent> events = log.events(run.incidentId());
            assertThat(events)
                    .filteredOn(e -> e.kind() == EventKind.API_CALL)
                    .extracting(IncidentEvent::payload)
                    .anyMatch(p -> p.contains("delete pods/druid-historical-2 in namespace druid"));
            assertThat(events)
                    .filteredOn(e -> e.kind() == EventKind.STATUS_CHANGE)
                    .extracting(IncidentEvent::payload)
                    .anyMatch(p -> p.contains("context druid-prod at http://"));
        }
    }
}
