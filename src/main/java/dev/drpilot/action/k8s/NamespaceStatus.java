package dev.drpilot.action.k8s;

import dev.drpilot.action.ActionException;
import dev.drpilot.action.ResourceStatus;
import dev.drpilot.action.StatusSource;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The pods of a namespace and the cluster's nodes, as kubectl get pods / get nodes would show them.
 * The first read lists them and opens a watch on each (fabric8's informers, which reconnect and
 * list again after a lost watch); later reads show what the watches have delivered since, so a
 * namespace of thousands of pods costs the changes, not a new list of everything every round.
 * While a watch is down, a read fails and the panel marks the rows stale.
 */
public final class NamespaceStatus implements StatusSource {

    private static final long FIRST_LIST_SECONDS = 60;

    private final KubeClients clients;
    private final String namespace;
    private Watches watches;
    private volatile boolean closed;

    public NamespaceStatus(KubeClients clients, String namespace) {
        this.clients = clients;
        this.namespace = namespace;
    }

    @Override
    public String describe() {
        return "pods of namespace " + namespace + " and the nodes";
    }

    @Override
    public List<ResourceStatus> read() throws ActionException {
        KubeClients.Connection on = clients.observe();
        Watches current = watches;
        if (current == null || current.client() != on.client() || current.stopped()) {
            if (current != null) current.close();
            current = new Watches(on.client(), namespace);
            watches = current;
            if (closed) current.close();
        }
        try {
            current.ready();
        } catch (KubernetesClientException e) {
            current.close();
            watches = null;
            throw KubeErrors.translate(e, "list", "pods in namespace " + namespace, on);
        }
        if (!current.watching()) {
            throw new ActionException(
                    "The watch on namespace " + namespace + " (context " + on.context() + ") is down and reconnecting",
                    true,
                    null);
        }
        return current.rows();
    }

    @Override
    public void close() {
        closed = true;
        Watches current = watches;
        if (current != null) current.close();
    }

    /** The two informers of one client, their stores trimmed to what a row shows. */
    private static final class Watches {
        private final KubernetesClient client;
        private final SharedIndexInformer<Node> nodes;
        private final SharedIndexInformer<Pod> pods;

        Watches(KubernetesClient client, String namespace) {
            this.client = client;
            nodes = client.nodes()
                    .runnableInformer(0)
                    .itemStore(new TrimmedStore<>(Watches::trimmed))
                    .exceptionHandler((started, e) -> started);
            pods = client.pods()
                    .inNamespace(namespace)
                    .runnableInformer(0)
                    .itemStore(new TrimmedStore<>(Watches::trimmed))
                    .exceptionHandler((started, e) -> started);
            nodes.start();
            pods.start();
        }

        KubernetesClient client() {
            return client;
        }

        /** Waits for the first list of both; the informers' own failure when it failed. */
        void ready() throws ActionException {
            for (SharedIndexInformer<?> informer : List.of(nodes, pods)) {
                try {
                    informer.start().toCompletableFuture().get(FIRST_LIST_SECONDS, TimeUnit.SECONDS);
                } catch (ExecutionException | CompletionException e) {
                    if (e.getCause() instanceof KubernetesClientException k) throw k;
                    throw new KubernetesClientException(
                            e.getCause() == null ? e.getMessage() : e.getCause().getMessage(), e.getCause());
                } catch (TimeoutException e) {
                    throw new ActionException(
                            "The cluster did not list the pods and nodes within " + FIRST_LIST_SECONDS + " s; retrying",
                            true,
                            e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ActionException("Stopped while listing the pods and nodes", true, e);
                }
            }
        }

        boolean watching() {
            return nodes.isWatching() && pods.isWatching();
        }

        boolean stopped() {
            return nodes.stopped().toCompletableFuture().isDone()
                    || pods.stopped().toCompletableFuture().isDone();
        }

        List<ResourceStatus> rows() {
            List<ResourceStatus> rows = new ArrayList<>();
            nodes.getStore().list().stream()
                    .sorted(Comparator.comparing(n -> n.getMetadata().getName()))
                    .forEach(node -> {
                        boolean ready = NodeHealth.isReady(node);
                        rows.add(new ResourceStatus(
                                "Node",
                                node.getMetadata().getName(),
                                ready ? "Ready" : "NotReady",
                                ready,
                                Boolean.TRUE.equals(
                                                node.getSpec() == null
                                                        ? null
                                                        : node.getSpec().getUnschedulable())
                                        ? "cordoned"
                                        : ""));
                    });
            pods.getStore().list().stream()
                    .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
                    .forEach(pod -> {
                        String reason = PodHealth.reason(pod);
                        String status = reason != null
                                ? reason
                                : pod.getStatus() == null
                                        ? "Unknown"
                                        : String.valueOf(pod.getStatus().getPhase());
                        String node = pod.getSpec() == null || pod.getSpec().getNodeName() == null
                                ? "unscheduled"
                                : pod.getSpec().getNodeName();
                        rows.add(new ResourceStatus(
                                "Pod",
                                pod.getMetadata().getName(),
                                status,
                                PodHealth.isHealthy(pod),
                                (PodHealth.isReady(pod) ? "ready" : "not ready") + ", " + PodHealth.restarts(pod)
                                        + " restarts, on " + node));
                    });
            return rows;
        }

        void close() {
            nodes.close();
            pods.close();
        }

        /** What {@link NodeHealth#isReady} and the cordon mark read. */
        private static Node trimmed(Node node) {
            NodeBuilder lean = new NodeBuilder()
                    .withNewMetadata()
                    .withName(node.getMetadata().getName())
                    .withResourceVersion(node.getMetadata().getResourceVersion())
                    .endMetadata()
                    .withNewSpec()
                    .withUnschedulable(
                            node.getSpec() == null ? null : node.getSpec().getUnschedulable())
                    .endSpec();
            if (node.getStatus() != null) {
                lean.withNewStatus()
                        .withConditions(node.getStatus().getConditions().stream()
                                .map(c -> {
                                    NodeCondition kept = new NodeCondition();
                                    kept.setType(c.getType());
                                    kept.setStatus(c.getStatus());
                                    return kept;
                                })
                                .toList())
                        .endStatus();
            }
            return lean.build();
        }

        /** What {@link PodHealth} reads: phase, reason, Ready condition, containers' states and restarts, the node. */
        private static Pod trimmed(Pod pod) {
            PodBuilder lean = new PodBuilder()
                    .withNewMetadata()
                    .withName(pod.getMetadata().getName())
                    .withNamespace(pod.getMetadata().getNamespace())
                    .withResourceVersion(pod.getMetadata().getResourceVersion())
                    .withDeletionTimestamp(pod.getMetadata().getDeletionTimestamp())
                    .endMetadata()
                    .withNewSpec()
                    .withNodeName(pod.getSpec() == null ? null : pod.getSpec().getNodeName())
                    .endSpec();
            if (pod.getStatus() != null) {
                lean.withNewStatus()
                        .withPhase(pod.getStatus().getPhase())
                        .withReason(pod.getStatus().getReason())
                        .withConditions(pod.getStatus().getConditions().stream()
                                .map(c -> {
                                    PodCondition kept = new PodCondition();
                                    kept.setType(c.getType());
                                    kept.setStatus(c.getStatus());
                                    return kept;
                                })
                                .toList())
                        .withContainerStatuses(
                                pod.getStatus().getContainerStatuses() == null
                                        ? null
                                        : pod.getStatus().getContainerStatuses().stream()
                                                .map(Watches::trimmed)
                                                .toList())
                        .endStatus();
            }
            return lean.build();
        }

        private static ContainerStatus trimmed(ContainerStatus c) {
            ContainerStatus lean = new ContainerStatus();
            lean.setRestartCount(c.getRestartCount());
            ContainerState state = c.getState();
            if (state != null) {
                ContainerState leanState = new ContainerState();
                if (state.getWaiting() != null) {
                    ContainerStateWaiting waiting = new ContainerStateWaiting();
                    waiting.setReason(state.getWaiting().getReason());
                    leanState.setWaiting(waiting);
                }
                if (state.getTerminated() != null) {
                    ContainerStateTerminated terminated = new ContainerStateTerminated();
                    terminated.setReason(state.getTerminated().getReason());
                    leanState.setTerminated(terminated);
                }
                lean.setState(leanState);
            }
            return lean;
        }
    }
}
