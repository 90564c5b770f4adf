package dev.drpilot.action.k8s;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import io.fabric8.kubernetes.api.model.Node;
import java.util.List;
import java.util.Map;

/** k8s.nodes.list: the nodes with their conditions, and which are NotReady. */
public final class NodesList implements Action {

    private final KubeClients clients;

    public NodesList(KubeClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "k8s.nodes.list";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        String selector = new Args(values).text("selector");
        List<Node> nodes = Nodes.list(context, clients.connect(context), selector);
        List<String> notReady = nodes.stream()
                .filter(n -> !NodeHealth.isReady(n))
                .map(n -> n.getMetadata().getName())
                .sorted()
                .toList();
        return ActionResult.of(
                nodes.size() + " node(s)"
                        + (notReady.isEmpty() ? ", all Ready" : ", NotReady: " + String.join(", ", notReady)),
                Map.of(
                        "nodes",
                        nodes.stream().map(NodeHealth::describe).toList(),
                        "notReady",
                        notReady,
                        "notReadyCount",
                        notReady.size()));
    }
}
