package dev.drpilot.action.k8s;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.Map;

/** k8s.nodes.delete: removes a failed node's object from the cluster. */
public final class NodesDelete implements Action {

    private final KubeClients clients;

    public NodesDelete(KubeClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "k8s.nodes.delete";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        String node = new Args(values).required("node");
        KubeClients.Connection on = clients.connect(context);
        var deleted = KubeCall.run(context, on, "delete", "nodes/" + node, k -> k.nodes().withName(node).delete());
        if (deleted.isEmpty()) throw ActionException.permanent("Not found: nodes/" + node + " (context " + on.context() + ")");
        context.statusChange(node, "deleted");
        return ActionResult.of("Deleted node " + node, Map.of("deleted", node));
    }
}
