package dev.drpilot.action.k8s;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.StatusDetails;
import java.util.Map;
import java.util.Objects;

/**
 * k8s.nodes.delete: removes a failed node's object from the cluster, then reads it back: gone,
 * or being deleted while a finalizer (Karpenter's termination) finishes. A node of that name
 * that comes back with another uid was registered again by its kubelet, still running.
 */
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
        var deleted = KubeCall.run(
                context,
                on,
                "delete",
                "nodes/" + node,
                k -> k.nodes().withName(node).delete());
        if (deleted.isEmpty())
            throw ActionException.permanent("Not found: nodes/" + node + " (context " + on.context() + ")");
        context.statusChange(node, "deleted");
        String uid = deleted.stream()
                .map(StatusDetails::getUid)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        Node now = KubeCall.run(
                context,
                on,
                "get",
                "nodes/" + node,
                k -> k.nodes().withName(node).get());
        return ActionResult.checked("Deleted node " + node, Map.of("deleted", node), readBack(node, uid, now));
    }

    private static String readBack(String node, String uid, Node now) throws ActionException {
        if (now == null) return "node " + node + " gone";
        if (uid != null && !uid.equals(now.getMetadata().getUid())) {
            throw ActionException.permanent("Expected node " + node + " gone, found it registered again (new uid "
                    + now.getMetadata().getUid()
                    + "): its kubelet still runs. Terminate its EC2 instance, then retry this step.");
        }
        if (now.getMetadata().getDeletionTimestamp() != null) {
            return "node " + node + " being deleted (deletionTimestamp "
                    + now.getMetadata().getDeletionTimestamp() + ", finalizers: "
                    + String.join(", ", now.getMetadata().getFinalizers()) + ")";
        }
        throw ActionException.permanent("Expected node " + node
                + " gone or being deleted, found it still there with no deletionTimestamp:"
                + " the deletion did not take. Check `kubectl get node " + node + " -o yaml`, then retry this step.");
    }
}
