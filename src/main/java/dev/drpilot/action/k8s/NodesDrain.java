package dev.drpilot.action.k8s;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import dev.drpilot.action.Polling;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * k8s.nodes.drain: cordons the node, then evicts its pods through the Eviction API, so a
 * PodDisruptionBudget can refuse (HTTP 429) and the eviction is tried again until the timeout.
 * DaemonSet pods stay (they would come straight back); pods with emptyDir volumes go only when
 * allowed, since their data goes with them. Ends with what could not be evicted, and why, once the
 * node reads back cordoned with no evictable pod left on it.
 */
public final class NodesDrain implements Action {

    private static final Duration RETRY_EVERY = Duration.ofSeconds(5);

    private final KubeClients clients;

    public NodesDrain(KubeClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "k8s.nodes.drain";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context)
            throws ActionException, InterruptedException {
        Args args = new Args(values);
        String node = args.required("node");
        boolean ignoreDaemonSets = args.flag("ignoreDaemonSets");
        boolean deleteEmptyDir = args.flag("deleteEmptyDirData");
        Duration timeout = args.text("timeout") == null ? Duration.ofMinutes(5) : args.duration("timeout");
        KubeClients.Connection on = clients.connect(context);
        String cordoned = Cordon.apply(context, on, node);

        List<Pod> onNode = podsOn(context, on, node);
        Map<String, String> notEvicted = new LinkedHashMap<>();
        List<Pod> toEvict = new ArrayList<>();
        for (Pod pod : onNode) {
            String name = qualified(pod);
            if (evictable(pod, deleteEmptyDir)) {
                toEvict.add(pod);
            } else if (ownedBy(pod, "DaemonSet")) {
                if (!ignoreDaemonSets)
                    notEvicted.put(name, "managed by a DaemonSet (drain with ignoreDaemonSets: true to leave it)");
            } else {
                notEvicted.put(
                        name, "has emptyDir data that would be lost (drain with deleteEmptyDirData: true to allow it)");
            }
        }
        List<String> evicted = new ArrayList<>();
        Instant giveUp = context.clock().instant().plus(timeout);
        while (!toEvict.isEmpty()) {
            List<Pod> refused = new ArrayList<>();
            for (Pod pod : toEvict) {
                String namespace = pod.getMetadata().getNamespace();
                String name = pod.getMetadata().getName();
                boolean accepted = KubeCall.run(
                        context,
                        on,
                        "create",
                        "pods/" + name + "/eviction in namespace " + namespace,
                        k -> k.pods().inNamespace(namespace).withName(name).evict());
                if (accepted) {
                    evicted.add(qualified(pod));
                    context.statusChange(qualified(pod), "evicted");
                } else {
                    refused.add(pod);
                }
            }
            context.progress(evicted.size() + " of " + (evicted.size() + refused.size()) + " pod(s) evicted", null);
            toEvict = refused;
            if (toEvict.isEmpty()
                    || context.cancelled()
                    || !context.clock().instant().plus(RETRY_EVERY).isBefore(giveUp)) break;
            context.pause(RETRY_EVERY);
        }
        toEvict.forEach(p -> notEvicted.put(
                qualified(p), "a PodDisruptionBudget refused the eviction until the timeout (" + timeout + ")"));
        if (!evicted.isEmpty())
            awaitGone(
                    context,
                    on,
                    node,
                    onNode.stream().filter(p -> evicted.contains(qualified(p))).toList(),
                    timeout);
        String summary = "Drained " + node + ": " + evicted.size() + " pod(s) evicted"
                + (notEvicted.isEmpty()
                        ? ""
                        : ", " + notEvicted.size() + " not: "
                                + String.join(
                                        "; ",
                                        notEvicted.entrySet().stream()
                                                .map(e -> e.getKey() + " " + e.getValue())
                                                .toList()));
        if (!toEvict.isEmpty()) throw ActionException.permanent(summary);
        List<String> left = podsOn(context, on, node).stream()
                .filter(p -> evictable(p, deleteEmptyDir))
                .map(NodesDrain::qualified)
                .toList();
        if (!left.isEmpty()) {
            throw ActionException.permanent(
                    "Expected no evictable pod left on " + node + " after the drain, found " + left.size() + ": "
                            + String.join(", ", left)
                            + ". Something placed them there after the cordon (a pod with nodeName set, or one tolerating"
                            + " node.kubernetes.io/unschedulable): find its owner, then retry this step.");
        }
        return ActionResult.checked(
                summary,
                Map.of("evicted", evicted, "notEvicted", notEvicted),
                cordoned + "; no evictable pod left on " + node + " (" + notEvicted.size() + " left by choice)");
    }

    private static List<Pod> podsOn(ActionContext context, KubeClients.Connection on, String node)
            throws ActionException {
        return KubeCall.run(
                        context,
                        on,
                        "list",
                        "pods on node " + node,
                        k -> k.pods().inAnyNamespace().list().getItems())
                .stream()
                .filter(p -> p.getSpec() != null && node.equals(p.getSpec().getNodeName()))
                .toList();
    }

    /** What a drain with these options evicts: anything but DaemonSet pods, and pods with emptyDir data only when allowed. */
    private static boolean evictable(Pod pod, boolean deleteEmptyDir) {
        return !ownedBy(pod, "DaemonSet") && (deleteEmptyDir || !usesEmptyDir(pod));
    }

    /**
     * Like kubectl drain, waits until the evicted pods have left the node (a StatefulSet's
     * replacement has the same name, but lands elsewhere since the node is cordoned, with another uid).
     */
    private static void awaitGone(
            ActionContext context, KubeClients.Connection on, String node, List<Pod> evicted, Duration timeout)
            throws ActionException, InterruptedException {
        Set<String> gone = evicted.stream().map(NodesDrain::identity).collect(Collectors.toSet());
        Polling.until(context, "the evicted pods to leave " + node, timeout, () -> {
            long left = podsOn(context, on, node).stream()
                    .filter(p -> gone.contains(identity(p)))
                    .count();
            context.progress(left + " evicted pod(s) still terminating", null);
            return left == 0 ? Optional.of(true) : Optional.empty();
        });
    }

    private static String identity(Pod pod) {
        return qualified(pod) + "@" + pod.getMetadata().getUid();
    }

    private static String qualified(Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }

    private static boolean ownedBy(Pod pod, String kind) {
        List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
        return owners != null && owners.stream().anyMatch(o -> kind.equals(o.getKind()));
    }

    private static boolean usesEmptyDir(Pod pod) {
        return pod.getSpec().getVolumes() != null
                && pod.getSpec().getVolumes().stream().anyMatch(v -> v.getEmptyDir() != null);
    }
}
