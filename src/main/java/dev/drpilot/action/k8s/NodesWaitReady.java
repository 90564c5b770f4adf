package dev.drpilot.action.k8s;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import dev.drpilot.action.Polling;
import io.fabric8.kubernetes.api.model.Node;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * k8s.nodes.waitReady: polls until enough nodes other than the failed one are Ready. With
 * {@code newNodes}, that many of them must also be new: not among the nodes there when the step
 * started, so a wait for Karpenter's replacement does not end on the nodes the cluster already had.
 */
public final class NodesWaitReady implements Action {

    private final KubeClients clients;

    public NodesWaitReady(KubeClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "k8s.nodes.waitReady";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context)
            throws ActionException, InterruptedException {
        Args args = new Args(values);
        int minReady = args.integer("minReady");
        int wanted = args.text("newNodes") == null ? 0 : args.integer("newNodes");
        String exclude = args.text("excludeNode");
        KubeClients.Connection on = clients.connect(context);
        Set<String> before = names(Nodes.list(context, on, null));
        String what = minReady + " Ready node(s)" + (exclude == null ? "" : " besides " + exclude)
                + (wanted == 0
                        ? ""
                        : ", " + wanted + " of them new (not among the " + before.size()
                                + " there when the step started)");
        List<String> ready = Polling.until(context, what, Duration.ofMinutes(30), () -> {
            List<String> now = Nodes.list(context, on, null).stream()
                    .filter(NodeHealth::isReady)
                    .map(n -> n.getMetadata().getName())
                    .filter(n -> !n.equals(exclude))
                    .sorted()
                    .toList();
            long fresh = now.stream().filter(n -> !before.contains(n)).count();
            double fraction = Math.min((double) now.size() / minReady, wanted == 0 ? 1.0 : (double) fresh / wanted);
            context.progress(
                    now.size() + " of " + minReady + " Ready node(s)"
                            + (wanted == 0 ? "" : ", " + fresh + " of " + wanted + " new"),
                    Math.min(1.0, fraction));
            return now.size() >= minReady && fresh >= wanted ? Optional.of(now) : Optional.empty();
        });
        List<String> newNodes = ready.stream().filter(n -> !before.contains(n)).toList();
        newNodes.forEach(n -> context.statusChange(n, "Ready (new)"));
        return ActionResult.of(
                ready.size() + " node(s) Ready" + (newNodes.isEmpty() ? "" : ", new: " + String.join(", ", newNodes)),
                Map.of("ready", ready, "newNodes", newNodes));
    }

    private static Set<String> names(List<Node> nodes) {
        return nodes.stream().map(n -> n.getMetadata().getName()).collect(Collectors.toSet());
    }
}
