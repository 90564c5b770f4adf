package dev.drpilot.action.k8s;

import static dev.drpilot.action.ReadBackRuns.declare;
import static dev.drpilot.action.ReadBackRuns.onEvent;
import static dev.drpilot.action.ReadBackRuns.runAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.ActionRegistry;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.AwsSettings;
import dev.drpilot.app.wiring.EngineWiring;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.Sleeper;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentLogStore;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each state-changing Kubernetes action reads its effect back on the mock cluster: the happy path
 * says what it read, and a change made between the call and the read-back (another operator, a
 * controller, a kubelet, another process writing the file) fails the step saying what was
 * expected and what was found.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesPostconditionsTest {

    private static final String CANARY = "s3cr3t-canary-value";
    private static final String BACKUP_KEY = Base64.getEncoder().encodeToString(new byte[32]);

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
        engine = new IncidentEngine(
                log,
                new ActionRegistry(
                        ActionCatalog.builtIn(),
                        EngineWiring.actions(
                                new AwsClients(AwsSettings.of(null, "us-west-2", null)), kube, () -> BACKUP_KEY)),
                steps,
                Clock.systemUTC(),
                Sleeper.real(),
                new SecureRandom());
    }

    @AfterEach
    void close() {
        steps.shutdownNow();
        kube.close();
        log.close();
    }

    private IncidentRun declareSteps(String yaml) throws Exception {
        return declare(dir, engine, yaml);
    }

    private static void assertChecked(StepRun step, String... read) {
        assertThat(step.state()).as(step.message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(step.message()).contains(". Checked: ").contains(read);
    }

    private static void assertFailed(StepRun step, AtomicBoolean changed, String... said) {
        assertThat(changed).as("the test changed the live state").isTrue();
        assertThat(step.state()).as(step.message()).isEqualTo(StepState.FAILED);
        assertThat(step.message()).contains(said);
    }

    private String uidOf(String pod) {
        return client.pods()
                .inNamespace("druid")
                .withName(pod)
                .get()
                .getMetadata()
                .getUid();
    }

    @Test
    void aDeletedPodReadsBackGoneRecreatedWithANewUidOrTerminating() throws Exception {
        String gone = uidOf("druid-historical-1");
        String replaced = uidOf("druid-historical-2");
        client.pods()
                .inNamespace("druid")
                .withName("druid-historical-0")
                .edit(p -> new PodBuilder(p)
                        .editMetadata()
                        .addToFinalizers("example.com/keep")
                        .endMetadata()
                        .build());
        IncidentRun run = declareSteps("""
                  - { id: gone, title: Gone, phase: immediate, action: k8s.pods.delete, with: { namespace: druid, pod: druid-historical-1 }, confirm: druid-historical-1 }
                  - { id: replaced, title: Replaced, phase: immediate, action: k8s.pods.delete, with: { namespace: druid, pod: druid-historical-2 }, confirm: druid-historical-2 }
                  - { id: terminating, title: Terminating, phase: immediate, action: k8s.pods.delete, with: { namespace: druid, pod: druid-historical-0 }, confirm: druid-historical-0 }
                """);
        // the StatefulSet controller, played: it recreates the pod as soon as it is deleted
        onEvent(
                run,
                EventKind.API_CALL,
                "delete pods/druid-historical-2",
                () -> client.pods()
                        .inNamespace("druid")
                        .resource(MockCluster.readyPod("druid-historical-2", "ip-10-0-0-10"))
                        .create());

        runAll(run);

        assertChecked(run.step("gone"), "pod druid-historical-1 (uid " + gone + ") gone");
        assertChecked(
                run.step("replaced"),
                "pod druid-historical-2 recreated by its controller (new uid " + uidOf("druid-historical-2") + ")");
        assertThat(uidOf("druid-historical-2")).isNotEqualTo(replaced);
        assertChecked(
                run.step("terminating"),
                "pod druid-historical-0 (uid " + uidOf("druid-historical-0") + ") terminating (deletionTimestamp ");
    }

    /**
     * A pod that survives an accepted DELETE with its uid and no deletionTimestamp cannot be made on
     * the mock through the API (it assigns uids itself and keeps a deletionTimestamp, as an API
     * server does), so the DELETE is answered without deleting, and the read-back sees the pod as it is.
     */
    @Test
    void aPodDeletionThatDidNotTakeFailsTheStep() throws Exception {
        String uid = uidOf("druid-historical-1");
        server.expect()
                .delete()
                .withPath("/api/v1/namespaces/druid/pods/druid-historical-1")
                .andReturn(
                        200,
                        Serialization.asJson(client.pods()
                                .inNamespace("druid")
                                .withName("druid-historical-1")
                                .get()))
                .once();
        IncidentRun run = declareSteps("""
                  - { id: delete, title: Delete, phase: immediate, action: k8s.pods.delete, with: { namespace: druid, pod: druid-historical-1 }, confirm: druid-historical-1 }
                """);

        StepRun delete = runAll(run);

        assertThat(delete.state()).isEqualTo(StepState.FAILED);
        assertThat(delete.message())
                .contains("Expected pod druid-historical-1 (uid " + uid + ") gone or terminating, found it still there"
                        + " with the same uid and no deletionTimestamp");
    }

    @Test
    void aCordonedNodeReadsBackUnschedulableAndOneUncordonedMeanwhileFailsTheStep() throws Exception {
        IncidentRun run = declareSteps("""
                  - { id: cordon, title: Cordon, phase: immediate, action: k8s.nodes.cordon, with: { node: ip-10-0-0-10 } }
                  - { id: uncordoned, title: Cordon again, phase: immediate, action: k8s.nodes.cordon, with: { node: ip-10-0-1-10 } }
                """);
        AtomicBoolean uncordoned = onEvent(
                run,
                EventKind.API_CALL,
                "patch nodes/ip-10-0-1-10",
                () -> client.nodes()
                        .withName("ip-10-0-1-10")
                        .edit(n -> new NodeBuilder(n)
                                .editSpec()
                                .withUnschedulable(false)
                                .endSpec()
                                .build()));

        runAll(run);

        assertChecked(run.step("cordon"), "node ip-10-0-0-10 unschedulable (read back)");
        assertFailed(
                run.step("uncordoned"),
                uncordoned,
                "Expected node ip-10-0-1-10 unschedulable, found it schedulable again");
    }

    @Test
    void aDrainedNodeReadsBackWithNoEvictablePodAndOnePlacedThereMeanwhileFailsTheStep() throws Exception {
        MockCluster.evictionsAllowed(server, client, "druid-historical-1");
        MockCluster.evictionsAllowed(server, client, "druid-historical-2");
        client.pods()
                .inNamespace("druid")
                .resource(new PodBuilder(MockCluster.readyPod("node-exporter-a1", "ip-10-0-1-10"))
                        .editMetadata()
                        .addNewOwnerReference()
                        .withKind("DaemonSet")
                        .withName("node-exporter")
                        .withApiVersion("apps/v1")
                        .withUid("ds-1")
                        .endOwnerReference()
                        .endMetadata()
                        .build())
                .create();
        IncidentRun run = declareSteps("""
                  - { id: drain, title: Drain, phase: immediate, action: k8s.nodes.drain, with: { node: ip-10-0-1-10, ignoreDaemonSets: true, timeout: PT30S }, confirm: ip-10-0-1-10 }
                  - { id: refilled, title: Drain again, phase: immediate, action: k8s.nodes.drain, with: { node: ip-10-0-2-10, ignoreDaemonSets: true, timeout: PT30S }, confirm: ip-10-0-2-10 }
                """);
        // a pod bound straight to the node (nodeName set), which the cordon does not keep out
        AtomicBoolean placed = onEvent(
                run,
                EventKind.API_CALL,
                "create pods/druid-historical-2/eviction",
                () -> client.pods()
                        .inNamespace("druid")
                        .resource(MockCluster.readyPod("debug-shell", "ip-10-0-2-10"))
                        .create());

        runAll(run);

        assertChecked(
                run.step("drain"),
                "node ip-10-0-1-10 unschedulable (read back); no evictable pod left on ip-10-0-1-10");
        assertThat(client.pods()
                        .inNamespace("druid")
                        .withName("node-exporter-a1")
                        .get())
                .as("the DaemonSet pod stays")
                .isNotNull();
        assertFailed(
                run.step("refilled"),
                placed,
                "Expected no evictable pod left on ip-10-0-2-10 after the drain, found 1: druid/debug-shell");
    }

    @Test
    void aDeletedNodeReadsBackGoneOrHeldByKarpentersFinalizerAndOneRegisteredAgainFailsTheStep() throws Exception {
        client.nodes()
                .withName("ip-10-0-1-10")
                .edit(n -> new NodeBuilder(n)
                        .editMetadata()
                        .addToFinalizers("karpenter.sh/termination")
                        .endMetadata()
                        .build());
        IncidentRun run = declareSteps("""
                  - { id: gone, title: Gone, phase: recovery, action: k8s.nodes.delete, with: { node: ip-10-0-0-10 }, confirm: ip-10-0-0-10 }
                  - { id: karpenter, title: Karpenter's, phase: recovery, action: k8s.nodes.delete, with: { node: ip-10-0-1-10 }, confirm: ip-10-0-1-10 }
                  - { id: back, title: Back, phase: recovery, action: k8s.nodes.delete, with: { node: ip-10-0-2-10 }, confirm: ip-10-0-2-10 }
                """);
        // the node's kubelet still runs: it registers the node again as soon as it is deleted
        AtomicBoolean registered = onEvent(
                run,
                EventKind.API_CALL,
                "delete nodes/ip-10-0-2-10",
                () -> client.nodes()
                        .resource(MockCluster.node("ip-10-0-2-10", "us-west-2c", true))
                        .create());

        runAll(run);

        assertChecked(run.step("gone"), "node ip-10-0-0-10 gone");
        assertChecked(
                run.step("karpenter"),
                "node ip-10-0-1-10 being deleted (deletionTimestamp ",
                "finalizers: karpenter.sh/termination)");
        assertFailed(
                run.step("back"),
                registered,
                "Expected node ip-10-0-2-10 gone, found it registered again (new uid ",
                "Terminate its EC2 instance");
    }

    @Test
    void aRestartReadsBackItsStampOnEachTemplateAndATemplateReplacedMeanwhileFailsTheStep() throws Exception {
        IncidentRun run = declareSteps("""
                  - { id: restart, title: Restart, phase: recovery, action: k8s.rollout.restart, with: { namespace: druid, kind: statefulset, names: [druid-coordinator] }, confirm: druid }
                  - { id: replaced, title: Restart again, phase: recovery, action: k8s.rollout.restart, with: { namespace: druid, kind: statefulset, names: [druid-coordinator, druid-overlord] }, confirm: druid }
                """);
        // a helm upgrade writes the overlord's template as its chart has it, without the stamp
        AtomicBoolean upgraded = onEvent(
                run,
                EventKind.API_CALL,
                "patch statefulsets/druid-overlord",
                () -> client.apps()
                        .statefulSets()
                        .inNamespace("druid")
                        .withName("druid-overlord")
                        .edit(s -> new StatefulSetBuilder(s)
                                .editSpec()
                                .editTemplate()
                                .editMetadata()
                                .withAnnotations(null)
                                .endMetadata()
                                .endTemplate()
                                .endSpec()
                                .build()));

        runAll(run);

        String stamp = client.apps()
                .statefulSets()
                .inNamespace("druid")
                .withName("druid-coordinator")
                .get()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations()
                .get("kubectl.kubernetes.io/restartedAt");
        assertChecked(run.step("restart"), "1 pod template(s) read back with kubectl.kubernetes.io/restartedAt=");
        assertFailed(
                run.step("replaced"),
                upgraded,
                "Expected the pod template of statefulsets/druid-overlord in namespace druid to carry"
                        + " kubectl.kubernetes.io/restartedAt=" + stamp + ", found none");
    }

    @Test
    void anExportReadsItsFileBackAndASecretWrittenThereInClearFailsTheStep() throws Exception {
        client.secrets()
                .inNamespace("druid")
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("druid-metadata-credentials")
                        .endMetadata()
                        .addToStringData("password", CANARY)
                        .build())
                .create();
        Path backup = dir.resolve("backup.yaml");
        Path sealed = dir.resolve("secrets.yaml");
        Path leaked = dir.resolve("leaked.yaml");
        IncidentRun run = declareSteps("""
                  - { id: all, title: All, phase: recovery, action: k8s.resources.export, with: { namespace: druid, kinds: [all, secret], file: "%s" } }
                  - { id: sealed, title: Sealed, phase: recovery, action: k8s.resources.export, with: { namespace: druid, kinds: [secret], file: "%s", secrets: encrypt } }
                  - { id: leaked, title: Leaked, phase: recovery, action: k8s.resources.export, with: { namespace: druid, kinds: [configmap, secret], file: "%s" } }
                """.formatted(backup, sealed, leaked));
        // another process writes the Secret into the file, in clear, after the export wrote it
        AtomicBoolean written = onEvent(
                run,
                EventKind.STATUS_CHANGE,
                leaked.toString(),
                () -> Files.writeString(
                        leaked,
                        Serialization.asYaml(client.secrets()
                                .inNamespace("druid")
                                .withName("druid-metadata-credentials")
                                .get())));

        runAll(run);

        assertThat(run.step("all").outputs())
                .as("the coordinator and overlord StatefulSets")
                .containsEntry("count", 2);
        assertChecked(run.step("all"), "backup.yaml re-read: 2 resource(s) parse, no Secret in clear");
        assertChecked(
                run.step("sealed"),
                "secrets.yaml re-read: 0 resource(s) parse, no Secret in clear, 1 Secret(s) decrypt with the backup key");
        assertFailed(
                run.step("leaked"),
                written,
                "Expected no Secret in clear in " + leaked + ", found 1: druid-metadata-credentials (values not shown)",
                "Delete the file now");
        assertThat(run.step("leaked").message()).doesNotContain(CANARY);
    }

    @Test
    void aHelmExportReadsItsFileBackAndAPasswordWrittenThereInClearFailsTheStep() throws Exception {
        String release = """
                {"name":"druid","version":1,"info":{"status":"deployed"},"chart":{"metadata":{"name":"druid","version":"31.0.1"}},
                 "config":{"historical":{"replicas":3},"metadataStorage":{"password":"%s"}}}""".formatted(CANARY);
        client.secrets()
                .inNamespace("druid")
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("sh.helm.release.v1.druid.v1")
                        .addToLabels("owner", "helm")
                        .endMetadata()
                        .withType("helm.sh/release.v1")
                        .addToData(
                                "release",
                                Base64.getEncoder()
                                        .encodeToString(Base64.getEncoder().encode(gzip(release))))
                        .build())
                .create();
        Path file = dir.resolve("helm.yaml");
        Path leaked = dir.resolve("helm-leaked.yaml");
        IncidentRun run = declareSteps("""
                  - { id: helm, title: Helm, phase: recovery, action: k8s.helm.exportReleases, with: { namespace: druid, file: "%s" } }
                  - { id: leaked, title: Helm again, phase: recovery, action: k8s.helm.exportReleases, with: { namespace: druid, file: "%s" } }
                """.formatted(file, leaked));
        // another process rewrites the file with the chart's values as they are, password included
        AtomicBoolean rewritten = onEvent(
                run,
                EventKind.STATUS_CHANGE,
                leaked.toString(),
                () -> Files.writeString(leaked, """
                namespace: druid
                releases:
                  - { name: druid, chart: druid, values: { metadataStorage: { password: "%s" } } }
                """.formatted(CANARY)));

        runAll(run);

        assertChecked(run.step("helm"), "helm.yaml re-read: 1 release(s) parse, every secret-looking value redacted");
        assertFailed(
                run.step("leaked"),
                rewritten,
                "Expected every secret-looking value redacted in " + leaked + ", found 1 in clear:"
                        + " releases[0].values.metadataStorage.password (values not shown)");
        assertThat(run.step("leaked").message()).doesNotContain(CANARY);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
