package dev.drpilot.action.k8s;

import static dev.drpilot.action.ReadBackRuns.declare;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.ActionRegistry;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.IncidentLogStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Wait for Karpenter to provision a new node" waits for a node that was not there when the step
 * started, however many old nodes are Ready: on the mock cluster's three Ready nodes, with two
 * needed, it ends only once the test adds a fourth, Ready one, and fails when none comes.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class NodesWaitNewTest {

    private static final String WAIT = """
              - { id: wait, title: Wait for Karpenter to provision a new node, phase: immediate, action: k8s.nodes.waitReady, with: { minReady: 2, newNodes: 1, excludeNode: ip-10-0-2-10 }, timeout: %s }
            """;

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private IncidentLogStore log;
    private KubeClients kube;
    private ExecutorService steps;
    private IncidentEngine engine;

    @BeforeEach
    void seed() throws Exception {
        MockCluster.seed(client);
        log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
        kube = new KubeClients(new KubeSettings(MockCluster.kubeconfig(dir, server, "druid-prod"), null));
        steps = Executors.newSingleThreadExecutor();
        // polls every 100 ms instead of the engine's seconds, on the real clock the step's timeout is measured with
        engine = new IncidentEngine(
                log,
                new ActionRegistry(ActionCatalog.builtIn(), List.of(new NodesWaitReady(kube))),
                steps,
                Clock.systemUTC(),
                delay -> Thread.sleep(Math.min(delay.toMillis(), 100)),
                new SecureRandom());
    }

    @AfterEach
    void close() {
        steps.shutdownNow();
        kube.close();
        log.close();
    }

    @Test
    void enoughOldReadyNodesDoNotEndTheWaitOnlyANewReadyNodeDoes() throws Exception {
        IncidentRun run = declare(dir, engine, WAIT.formatted("PT1M"));
        Future<?> waiting = run.runToNextConfirmation();

        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> run.step("wait").state() == StepState.WAITING);
        Thread.sleep(1000);
        assertThat(run.step("wait").state())
                .as("two old nodes are Ready, but none is new")
                .isEqualTo(StepState.WAITING);

        client.nodes()
                .resource(MockCluster.node("ip-10-0-2-20", "us-west-2c", false))
                .create();
        Thread.sleep(1000);
        assertThat(run.step("wait").state()).as("the new node is not Ready yet").isEqualTo(StepState.WAITING);

        client.nodes()
                .resource(MockCluster.node("ip-10-0-2-20", "us-west-2c", true))
                .update();
        waiting.get(30, TimeUnit.SECONDS);

        StepRun wait = run.step("wait");
        assertThat(wait.state()).as(wait.message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(wait.outputs())
                .containsEntry("newNodes", List.of("ip-10-0-2-20"))
                .containsEntry("ready", List.of("ip-10-0-0-10", "ip-10-0-1-10", "ip-10-0-2-20"));
        assertThat(wait.message()).isEqualTo("3 node(s) Ready, new: ip-10-0-2-20");
    }

    @Test
    void noNewNodeFailsTheStepSayingWhatItWaitedFor() throws Exception {
        IncidentRun run = declare(dir, engine, WAIT.formatted("PT2S"));

        run.runToNextConfirmation().get(30, TimeUnit.SECONDS);

        StepRun wait = run.step("wait");
        assertThat(wait.state()).isEqualTo(StepState.FAILED);
        assertThat(wait.message())
                .startsWith(
                        "Gave up waiting for 2 Ready node(s) besides ip-10-0-2-10, 1 of them new (not among the 3 there"
                                + " when the step started) after ");
    }
}
