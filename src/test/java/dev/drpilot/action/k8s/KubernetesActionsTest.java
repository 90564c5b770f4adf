package dev.drpilot.action.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.ActionRegistry;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.AwsSettings;
import dev.drpilot.app.wiring.EngineWiring;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.Sleeper;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kubernetes actions the two main runbooks do not cover, each through the engine, on the mock cluster. */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesActionsTest {

    private static final String CANARY = "s3cr3t-canary-value";
    private static final String CANARY_BASE64 =
            Base64.getEncoder().encodeToString(CANARY.getBytes(StandardCharsets.UTF_8));
    private static final String BACKUP_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private IncidentLogStore log;

    @BeforeEach
    void seed() {
        MockCluster.seed(client);
        client.secrets()
                .inNamespace("druid")
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("druid-metadata-credentials")
                        .endMetadata()
                        .addToData("password", CANARY_BASE64)
                        .build())
                .create();
        client.configMaps()
                .inNamespace("druid")
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("druid-common")
                        .endMetadata()
                        .addToData("druid.storage.type", "s3")
                        .build())
                .create();
        log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
    }

    @AfterEach
    void close() {
        log.close();
    }

    private IncidentRun run(String steps, String backupKey, KubeSettings settings) throws Exception {
        Path file = Files.writeString(dir.resolve("k8s-check.yaml"), """
                id: k8s-check
                title: Kubernetes check
                architecture: druid
                kind: backup
                targets: { rto: none, rpo: none }
                steps:
                """ + steps);
        var loaded = new RunbookLoader(ActionCatalog.builtIn()).load(List.of(file));
        assertThat(loaded.problems()).isEmpty();
        Runbook runbook = loaded.runbooks().get(0);
        KubeClients kube = new KubeClients(settings);
        List<dev.drpilot.action.Action> actions =
                EngineWiring.actions(new AwsClients(AwsSettings.of(null, "us-west-2", null)), kube, () -> backupKey);
        IncidentRun run = new IncidentEngine(
                        log,
                        new ActionRegistry(ActionCatalog.builtIn(), actions),
                        Executors.newSingleThreadExecutor(),
                        Clock.systemUTC(),
                        Sleeper.real(),
                        new SecureRandom())
                .declare(
                        runbook,
                        Map.of(),
                        new NewIncident("k8s-check", "check", IncidentMode.REHEARSAL, null, null, null));
        run.runToNextConfirmation().get(60, TimeUnit.SECONDS);
        return run;
    }

    private IncidentRun run(String steps) throws Exception {
        return run(steps, BACKUP_KEY, new KubeSettings(MockCluster.kubeconfig(dir, server, "druid-prod"), null));
    }

    @Test
    void exportLeavesSecretsOutOrEncryptsThemAndNeverWritesThemInClear() throws Exception {
        Path backup = dir.resolve("backup.yaml");
        Path secrets = dir.resolve("secrets.yaml");
        IncidentRun run = run("""
                  - { id: all, title: All, phase: recovery, action: k8s.resources.export, with: { namespace: druid, kinds: [all, secret], file: "%s" } }
                  - { id: secrets, title: Secrets, phase: recovery, action: k8s.resources.export, with: { namespace: druid, kinds: [secret], file: "%s", secrets: encrypt } }
                  - { id: check, title: Check, phase: validation, action: k8s.resources.applyDryRun, with: { file: "%s" } }
                """.formatted(backup, secrets, backup));

        assertThat(run.step("all").state()).as(run.step("all").message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(run.step("all").outputs().get("secretsHandling"))
                .asString()
                .startsWith("omitted 1 Secret(s), names only: druid-metadata-credentials");
        assertThat(Files.readString(backup))
                .contains("druid-coordinator")
                .contains("druid-common")
                .doesNotContain(CANARY)
                .doesNotContain(CANARY_BASE64)
                .doesNotContain("resourceVersion");
        String sealed = Files.readString(secrets);
        assertThat(sealed).doesNotContain(CANARY).doesNotContain(CANARY_BASE64);
        String blob = sealed.lines()
                .filter(l -> l.startsWith("# encrypted: "))
                .findFirst()
                .orElseThrow()
                .substring("# encrypted: ".length());
        assertThat(BackupEncryption.decrypt(blob, BACKUP_KEY))
                .contains("druid-metadata-credentials")
                .contains(CANARY_BASE64);
        assertThat(run.step("check").state()).as(run.step("check").message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(run.step("check").outputs().get("resources"))
                .asList()
                .contains("statefulset/druid-coordinator configured (dry run)");
        assertThat(log.events(run.incidentId()))
                .allSatisfy(e -> assertThat(e.payload()).doesNotContain(CANARY).doesNotContain(CANARY_BASE64));
    }

    @Test
    void encryptingSecretsWithoutAKeyIsRefusedAndWritesNothing() throws Exception {
        Path secrets = dir.resolve("secrets.yaml");
        IncidentRun run = run(
                """
                  - { id: secrets, title: Secrets, phase: recovery, action: k8s.resources.export, with: { namespace: druid, kinds: [secret], file: "%s", secrets: encrypt } }
                """.formatted(secrets),
                null,
                new KubeSettings(MockCluster.kubeconfig(dir, server, "druid-prod"), null));

        assertThat(run.step("secrets").state()).isEqualTo(StepState.FAILED);
        assertThat(run.step("secrets").message()).contains("DRPILOT_BACKUP_KEY").contains("openssl rand -base64 32");
        assertThat(secrets).doesNotExist();
    }

    @Test
    void helmReleasesAreReadFromTheirSecretsWithSecretValuesRedacted() throws Exception {
        for (int revision = 1; revision <= 2; revision++) {
            String release = """
                    {"name":"druid","version":%d,"info":{"status":"deployed"},
                     "chart":{"metadata":{"name":"druid","version":"31.0.%d"}},
                     "config":{"historical":{"replicas":3},"metadataStorage":{"password":"%s"}}}""".formatted(revision, revision, CANARY);
            client.secrets()
                    .inNamespace("druid")
                    .resource(new SecretBuilder()
                            .withNewMetadata()
                            .withName("sh.helm.release.v1.druid.v" + revision)
                            .addToLabels("owner", "helm")
                            .endMetadata()
                            .withType("helm.sh/release.v1")
                            .addToData(
                                    "release",
                                    Base64.getEncoder()
                                            .encodeToString(Base64.getEncoder().encode(gzip(release))))
                            .build())
                    .create();
        }
        Path file = dir.resolve("helm.yaml");
        IncidentRun run = run("""
                  - { id: helm, title: Helm, phase: recovery, action: k8s.helm.exportReleases, with: { namespace: druid, file: "%s" } }
                """.formatted(file));

        assertThat(run.step("helm").state()).as(run.step("helm").message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(run.step("helm").outputs().get("releases"))
                .asList()
                .singleElement()
                .asString()
                .contains("chart=druid")
                .contains("version=31.0.2")
                .contains("revision=2");
        assertThat(Files.readString(file))
                .contains("replicas: 3")
                .contains("password: \"<redacted>\"")
                .doesNotContain(CANARY);
    }

    @Test
    void rolloutRestartStampsThePodTemplateAndTheWaitEndsWhenTheControllerHasRolledOut() throws Exception {
        IncidentRun run = run("""
                  - { id: restart, title: Restart, phase: recovery, action: k8s.rollout.restart, with: { namespace: druid, kind: statefulset, names: [druid-coordinator, druid-overlord] }, confirm: druid }
                  - { id: wait, title: Wait, phase: recovery, action: k8s.rollout.waitComplete, with: { namespace: druid, kind: statefulset, names: [druid-coordinator, druid-overlord] } }
                """);
        assertThat(run.step("restart").state()).isEqualTo(StepState.AWAITING_CONFIRMATION);
        var restarting = run.confirm("restart", "druid");

        Awaitility.await().until(() -> run.step("wait").state() == StepState.WAITING);
        for (String name : List.of("druid-coordinator", "druid-overlord")) {
            StatefulSet set = client.apps()
                    .statefulSets()
                    .inNamespace("druid")
                    .withName(name)
                    .get();
            assertThat(set.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsKey("kubectl.kubernetes.io/restartedAt");
            // the StatefulSet controller, played: it has replaced the pod and reports the new generation rolled out
            set.getStatus().setObservedGeneration(set.getMetadata().getGeneration());
            client.apps().statefulSets().inNamespace("druid").resource(set).updateStatus();
        }
        restarting.get(60, TimeUnit.SECONDS);

        assertThat(run.step("wait").state()).as(run.step("wait").message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(run.step("wait").outputs()).containsEntry("ready", List.of("druid-coordinator", "druid-overlord"));
    }

    @Test
    void aPodDisruptionBudgetThatRefusesTheEvictionIsReported() throws Exception {
        MockCluster.evictionsBlockedByBudget(server, "druid-historical-2");
        IncidentRun run = run("""
                  - { id: drain, title: Drain, phase: immediate, action: k8s.nodes.drain, with: { node: ip-10-0-2-10, ignoreDaemonSets: true, timeout: PT1S }, confirm: ip-10-0-2-10 }
                """);
        run.confirm("drain", "ip-10-0-2-10").get(60, TimeUnit.SECONDS);

        assertThat(run.step("drain").state()).isEqualTo(StepState.FAILED);
        assertThat(run.step("drain").message())
                .contains("druid/druid-historical-2 a PodDisruptionBudget refused the eviction");
        assertThat(client.pods()
                        .inNamespace("druid")
                        .withName("druid-historical-2")
                        .get())
                .as("the pod stays")
                .isNotNull();
        assertThat(client.nodes().withName("ip-10-0-2-10").get().getSpec().getUnschedulable())
                .as("but the node is cordoned")
                .isTrue();
    }

    @Test
    void rbacRefusalNamesTheVerbAndTheResource() throws Exception {
        server.expect()
                .delete()
                .withPath("/api/v1/namespaces/druid/pods/druid-historical-1")
                .andReturn(
                        403,
                        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Forbidden\",\"code\":403,"
                                + "\"message\":\"pods \\\"druid-historical-1\\\" is forbidden: User \\\"oncall\\\" cannot delete resource \\\"pods\\\"\"}")
                .always();
        IncidentRun run = run("""
                  - { id: delete, title: Delete, phase: immediate, action: k8s.pods.delete, with: { namespace: druid, pod: druid-historical-1 }, confirm: druid-historical-1 }
                """);
        run.confirm("delete", "druid-historical-1").get(60, TimeUnit.SECONDS);

        assertThat(run.step("delete").state()).isEqualTo(StepState.FAILED);
        assertThat(run.step("delete").message())
                .startsWith(
                        "Kubernetes RBAC refused to delete pods/druid-historical-1 in namespace druid (context druid-prod)");
    }

    @Test
    void aStepOnAnotherClusterThanTheIncidentsIsRefusedNamingBoth() throws Exception {
        Path kubeconfig = MockCluster.kubeconfig(dir, server, "druid-prod");
        IncidentRun run = run("""
                  - { id: first, title: First, phase: immediate, action: k8s.nodes.list }
                  - { id: second, title: Second, phase: immediate, action: k8s.pods.delete, with: { namespace: druid, pod: druid-historical-1 }, confirm: druid-historical-1 }
                """, BACKUP_KEY, new KubeSettings(kubeconfig, null));
        assertThat(run.step("first").state()).isEqualTo(StepState.SUCCEEDED);

        Files.writeString(
                kubeconfig,
                Files.readString(kubeconfig)
                        .replace(
                                "http://" + server.getHostName() + ":" + server.getPort(),
                                "https://staging.example:6443"));
        run.confirm("second", "druid-historical-1").get(60, TimeUnit.SECONDS);

        assertThat(run.step("second").state()).isEqualTo(StepState.FAILED);
        assertThat(run.step("second").message())
                .contains("pinned to the cluster of context druid-prod (http://")
                .contains("now points at https://staging.example:6443")
                .contains("kubectl config use-context druid-prod");
        assertThat(client.pods()
                        .inNamespace("druid")
                        .withName("druid-historical-1")
                        .get())
                .as("nothing was deleted")
                .isNotNull();
    }

    @Test
    void anExpiredTokenAndAnUnreachableClusterNameTheContextAndWhatToDo() throws Exception {
        server.expect()
                .get()
                .withPath("/api/v1/nodes")
                .andReturn(
                        401,
                        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Unauthorized\",\"code\":401,\"message\":\"Unauthorized\"}")
                .always();
        IncidentRun expired = run("""
                  - { id: nodes, title: Nodes, phase: immediate, action: k8s.nodes.list }
                """);
        assertThat(expired.step("nodes").message())
                .startsWith("The cluster of context druid-prod did not accept your credentials")
                .contains("aws eks update-kubeconfig");

        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Path nowhere = Files.writeString(
                dir.resolve("kubeconfig-nowhere"),
                Files.readString(MockCluster.kubeconfig(dir, server, "druid-dr"))
                        .replace(":" + server.getPort(), ":" + closed));
        IncidentRun unreachable = run("""
                  - { id: nodes, title: Nodes, phase: immediate, action: k8s.nodes.list }
                """, BACKUP_KEY, new KubeSettings(nowhere, null));
        assertThat(unreachable.step("nodes").state()).isEqualTo(StepState.FAILED);
        assertThat(unreachable.step("nodes").message())
                .startsWith("Cannot reach the cluster of context druid-dr at http://")
                .contains(":" + closed)
                .contains("Check the VPN or network");
    }

    @Test
    void noKubeconfigSaysHowToGetOne() throws Exception {
        IncidentRun run = run("""
                  - { id: nodes, title: Nodes, phase: immediate, action: k8s.nodes.listByZone }
                """, BACKUP_KEY, new KubeSettings(dir.resolve("missing"), null));

        assertThat(run.step("nodes").state()).isEqualTo(StepState.FAILED);
        assertThat(run.step("nodes").message()).startsWith("No kubeconfig at ").contains("aws eks update-kubeconfig");
    }

    @Test
    void nodesPerZoneShowWhichZoneIsDown() throws Exception {
        client.nodes()
                .resource(MockCluster.node("ip-10-0-2-10", "us-west-2c", false))
                .update();
        IncidentRun run = run("""
                  - { id: zones, title: Zones, phase: immediate, action: k8s.nodes.listByZone }
                """);

        assertThat(run.step("zones").outputs()).containsEntry("notReadyZones", List.of("us-west-2c"));
        assertThat(run.step("zones").message())
                .isEqualTo(
                        "us-west-2a: 1 Ready, 0 NotReady; us-west-2b: 1 Ready, 0 NotReady; us-west-2c: 0 Ready, 1 NotReady");
    }

    private static byte[] gzip(String text) throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
