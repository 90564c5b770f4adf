package dev.drpilot.action.k8s;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The cluster the guide assumes, seeded into fabric8's mock API server in CRUD mode: the druid
 * namespace with coordinator and overlord StatefulSets and three historicals (one in
 * CrashLoopBackOff), on three nodes in three zones. CRUD mode stores objects but runs no
 * controller: the tests play the controller where the runbooks wait for one.
 */
public final class MockCluster {

    static final String NAMESPACE = "druid";

    private MockCluster() {}

    public static void seed(KubernetesClient k) {
        k.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(NAMESPACE)
                        .endMetadata()
                        .build())
                .create();
        String[] zones = {"us-west-2a", "us-west-2b", "us-west-2c"};
        for (int i = 0; i < 3; i++)
            k.nodes().resource(node("ip-10-0-" + i + "-10", zones[i], true)).create();
        for (String name : new String[] {"druid-coordinator", "druid-overlord"}) {
            k.apps()
                    .statefulSets()
                    .inNamespace(NAMESPACE)
                    .resource(new StatefulSetBuilder()
                            .withNewMetadata()
                            .withName(name)
                            .withLabels(Map.of("app.kubernetes.io/name", "druid"))
                            .endMetadata()
                            .withNewSpec()
                            .withReplicas(1)
                            .withServiceName(name)
                            .withNewSelector()
                            .addToMatchLabels("app", name)
                            .endSelector()
                            .withNewTemplate()
                            .withNewMetadata()
                            .addToLabels("app", name)
                            .endMetadata()
                            .withNewSpec()
                            .addNewContainer()
                            .withName("druid")
                            .withImage("apache/druid:30.0.0")
                            .endContainer()
                            .endSpec()
                            .endTemplate()
                            .endSpec()
                            .withNewStatus()
                            .withReplicas(1)
                            .withReadyReplicas(1)
                            .withUpdatedReplicas(1)
                            .withObservedGeneration(1L)
                            .endStatus()
                            .build())
                    .create();
            k.pods()
                    .inNamespace(NAMESPACE)
                    .resource(readyPod(name + "-0", "ip-10-0-0-10"))
                    .create();
        }
        k.pods()
                .inNamespace(NAMESPACE)
                .resource(readyPod("druid-historical-0", "ip-10-0-0-10"))
                .create();
        k.pods()
                .inNamespace(NAMESPACE)
                .resource(readyPod("druid-historical-1", "ip-10-0-1-10"))
                .create();
        k.pods()
                .inNamespace(NAMESPACE)
                .resource(crashLooping("druid-historical-2", "ip-10-0-2-10"))
                .create();
    }

    static Node node(String name, String zone, boolean ready) {
        return new NodeBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels(NodeHealth.ZONE_LABEL, zone)
                .endMetadata()
                .withNewSpec()
                .endSpec()
                .withNewStatus()
                .addNewCondition()
                .withType("Ready")
                .withStatus(ready ? "True" : "Unknown")
                .endCondition()
                .endStatus()
                .build();
    }

    public static Pod readyPod(String name, String node) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NAMESPACE)
                .addToLabels("app.kubernetes.io/name", "druid")
                .endMetadata()
                .withNewSpec()
                .withNodeName(node)
                .addNewContainer()
                .withName("druid")
                .withImage("apache/druid:30.0.0")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase("Running")
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .endCondition()
                .addToContainerStatuses(new ContainerStatusBuilder()
                        .withName("druid")
                        .withReady(true)
                        .withRestartCount(0)
                        .withNewState()
                        .withNewRunning()
                        .endRunning()
                        .endState()
                        .build())
                .endStatus()
                .build();
    }

    public static Pod crashLooping(String name, String node) {
        return new PodBuilder(readyPod(name, node))
                .editStatus()
                .withConditions()
                .addNewCondition()
                .withType("Ready")
                .withStatus("False")
                .endCondition()
                .withContainerStatuses(new ContainerStatusBuilder()
                        .withName("druid")
                        .withReady(false)
                        .withRestartCount(7)
                        .withNewState()
                        .withNewWaiting()
                        .withReason("CrashLoopBackOff")
                        .endWaiting()
                        .endState()
                        .build())
                .endStatus()
                .build();
    }

    /**
     * What the API server does on an eviction that no PodDisruptionBudget blocks: accept it and
     * delete the pod. CRUD mode only stores the Eviction object, so the eviction endpoint of
     * this pod is answered by an expectation, and the deletion happens just after the answer.
     */
    static void evictionsAllowed(KubernetesMockServer server, KubernetesClient k, String pod) {
        server.expect()
                .post()
                .withPath("/api/v1/namespaces/" + NAMESPACE + "/pods/" + pod + "/eviction")
                .andReply(201, request -> {
                    Thread.ofVirtual()
                            .start(() -> k.pods()
                                    .inNamespace(NAMESPACE)
                                    .withName(pod)
                                    .delete());
                    return "{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\",\"metadata\":{\"name\":\"" + pod
                            + "\"}}";
                })
                .always();
    }

    /** What the API server answers when a PodDisruptionBudget does not allow the eviction. */
    static void evictionsBlockedByBudget(KubernetesMockServer server, String pod) {
        server.expect()
                .post()
                .withPath("/api/v1/namespaces/" + NAMESPACE + "/pods/" + pod + "/eviction")
                .andReturn(
                        429,
                        "{\"apiVersion\":\"v1\",\"kind\":\"Status\",\"status\":\"Failure\",\"reason\":\"TooManyRequests\",\"code\":429,"
                                + "\"message\":\"Cannot evict pod as it would violate the pod's disruption budget.\"}")
                .always();
    }

    /**
     * The discovery answers kubectl asks for before anything else, which CRUD mode does not
     * give: the core group with nodes and pods, and no other group.
     */
    static void discoveryForKubectl(KubernetesMockServer server) {
        String core =
                "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],\"serverAddressByClientCIDRs\":[{\"clientCIDR\":\"0.0.0.0/0\",\"serverAddress\":\"127.0.0.1\"}]}";
        String groups = "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[]}";
        String resources = "{\"kind\":\"APIResourceList\",\"groupVersion\":\"v1\",\"resources\":["
                + "{\"name\":\"nodes\",\"singularName\":\"node\",\"namespaced\":false,\"kind\":\"Node\",\"verbs\":[\"get\",\"list\",\"patch\",\"delete\"],\"shortNames\":[\"no\"]},"
                + "{\"name\":\"pods\",\"singularName\":\"pod\",\"namespaced\":true,\"kind\":\"Pod\",\"verbs\":[\"get\",\"list\",\"delete\"],\"shortNames\":[\"po\"]}]}";
        for (String suffix : new String[] {"", "?timeout=32s"}) {
            server.expect().get().withPath("/api" + suffix).andReturn(200, core).always();
            server.expect()
                    .get()
                    .withPath("/apis" + suffix)
                    .andReturn(200, groups)
                    .always();
            server.expect()
                    .get()
                    .withPath("/api/v1" + suffix)
                    .andReturn(200, resources)
                    .always();
        }
    }

    /** A kubeconfig for the mock server, as the operator would have one, with the context named. */
    public static Path kubeconfig(Path dir, KubernetesMockServer server, String context) throws IOException {
        String url = "http://" + server.getHostName() + ":" + server.getPort();
        return Files.writeString(dir.resolve("kubeconfig-" + context), """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: %1$s
                    cluster: { server: "%2$s" }
                users:
                  - name: operator
                    user: { token: not-a-real-token }
                contexts:
                  - name: %1$s
                    context: { cluster: %1$s, user: operator, namespace: druid }
                current-context: %1$s
                """.formatted(context, url));
    }
}
