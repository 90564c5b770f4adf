package dev.drpilot.action.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.IncidentLogStore;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Druid node-failure runbook end to end on the mock cluster: the NotReady node is found,
 * cordoned, drained (its DaemonSet pod left alone), a replacement node comes, the failed node is
 * deleted and every Druid pod is Ready again.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class NodeFailureRunbookTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    @BeforeEach
    void seed() {
        MockCluster.seed(client);
        client.nodes()
                .resource(MockCluster.node("ip-10-0-2-10", "us-west-2c", false))
                .update();
        Pod exporter = new PodBuilder(MockCluster.readyPod("node-exporter-x7k2p", "ip-10-0-2-10"))
                .editMetadata()
                .withLabels(Map.of("app", "node-exporter"))
                .addNewOwnerReference()
                .withKind("DaemonSet")
                .withName("node-exporter")
                .withApiVersion("apps/v1")
                .withUid("ds-1")
                .endOwnerReference()
                .endMetadata()
                .build();
        client.pods().inNamespace("druid").resource(exporter).create();
        MockCluster.evictionsAllowed(server, client, "druid-historical-2");
    }

    @Test
    void theNotReadyNodeIsCordonedDrainedReplacedAndDeleted() throws Exception {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
                KubeClients kube =
                        new KubeClients(new KubeSettings(MockCluster.kubeconfig(dir, server, "druid-prod"), null))) {
            IncidentRun run =
                    PodFailureRunbookTest.declare(log, kube, "druid-node-failure", Map.of("node", "ip-10-0-2-10"));

            run.runToNextConfirmation().get(60, TimeUnit.SECONDS);
            assertThat(run.step("identify").outputs()).containsEntry("notReady", List.of("ip-10-0-2-10"));
            assertThat(client.nodes().withName("ip-10-0-2-10").get().getSpec().getUnschedulable())
                    .isTrue();
            assertThat(run.step("drain").state()).isEqualTo(StepState.AWAITING_CONFIRMATION);

            try (PlayedController controller =
                    new PlayedController(client, List.of("druid-historical-2"), "ip-10-0-0-10")) {
                // the drain runs on to the wait for a new node: Karpenter's replacement comes once that wait has begun
                Thread.ofVirtual().start(() -> {
                    Awaitility.await().until(() -> run.step("wait-new-node").state() == StepState.WAITING);
                    client.nodes()
                            .resource(MockCluster.node("ip-10-0-2-20", "us-west-2c", true))
                            .create();
                });
                run.confirm("drain", "ip-10-0-2-10").get(60, TimeUnit.SECONDS);
                assertThat(run.step("drain").state())
                        .as(run.step("drain").message())
                        .isEqualTo(StepState.SUCCEEDED);
                assertThat(run.step("drain").outputs().get("evicted"))
                        .asList()
                        .containsExactly("druid/druid-historical-2");
                assertThat(client.pods()
                                .inNamespace("druid")
                                .withName("node-exporter-x7k2p")
                                .get())
                        .as("DaemonSet pods stay")
                        .isNotNull();
                assertThat(run.step("wait-new-node").outputs().get("ready"))
                        .asList()
                        .contains("ip-10-0-2-20")
                        .doesNotContain("ip-10-0-2-10");
                assertThat(run.step("wait-new-node").outputs()).containsEntry("newNodes", List.of("ip-10-0-2-20"));
                assertThat(run.step("delete").state()).isEqualTo(StepState.AWAITING_CONFIRMATION);

                run.confirm("delete", "ip-10-0-2-10").get(60, TimeUnit.SECONDS);
                Awaitility.await()
                        .until(() -> client.pods()
                                        .inNamespace("druid")
                                        .withName("druid-historical-2")
                                        .get()
                                != null);
            }

            assertThat(run.steps()).extracting(StepRun::state).containsOnly(StepState.SUCCEEDED);
            assertThat(client.nodes().withName("ip-10-0-2-10").get()).isNull();
            assertThat(client.pods()
                            .inNamespace("druid")
                            .withName("druid-historical-2")
                            .get()
                            .getSpec()
                            .getNodeName())
                    .isEqualTo("ip-10-0-0-10");
        }
    }

    @Test
    void kubectlSeesTheSameCluster() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/kubectl")), "kubectl is not installed here");
        MockCluster.discoveryForKubectl(server);
        Path kubeconfig = MockCluster.kubeconfig(dir, server, "druid-prod");
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
                KubeClients kube = new KubeClients(new KubeSettings(kubeconfig, null))) {
            IncidentRun run =
                    PodFailureRunbookTest.declare(log, kube, "druid-node-failure", Map.of("node", "ip-10-0-2-10"));
            run.runToNextConfirmation().get(60, TimeUnit.SECONDS);
        }

        assertThat(kubectl(kubeconfig, "get", "node", "ip-10-0-2-10", "-o", "jsonpath={.spec.unschedulable}"))
                .isEqualTo("true");
        assertThat(kubectl(kubeconfig, "get", "nodes", "-o", "jsonpath={.items[*].metadata.name}"))
                .contains("ip-10-0-0-10", "ip-10-0-2-10");
    }

    /** kubectl on the test's kubeconfig, its discovery cache in the test's folder rather than ~/.kube/cache. */
    private String kubectl(Path kubeconfig, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                "/usr/bin/kubectl",
                "--kubeconfig",
                kubeconfig.toString(),
                "--cache-dir",
                dir.resolve("kube-cache").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        return out.strip();
    }
}
