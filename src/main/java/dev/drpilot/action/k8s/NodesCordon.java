package dev.drpilot.action.k8s;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.Map;

/** k8s.nodes.cordon: marks a node unschedulable, as {@code kubectl cordon} does. */
public final class NodesCordon implements Action {

    private final KubeClients clients;

    public NodesCordon(KubeClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "k8s.nodes.cordon";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        String node = new Args(values).required("node");
        String checked = Cordon.apply(context, clients.connect(context), node);
        return ActionResult.checked("Cordoned " + node + ": no new pod lands on it", Map.of("node", node), checked);
    }
}
