package dev.drpilot.action.k8s;

import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/**
 * Sets a node unschedulable with a JSON merge patch (what kubectl cordon changes, and all it
 * changes), then reads the node back to prove it is.
 */
final class Cordon {

    private Cordon() {}

    /** @return what was read back ("node x unschedulable (read back)") */
    static String apply(ActionContext context, KubeClients.Connection on, String node) throws ActionException {
        var patched = KubeCall.run(
                context,
                on,
                "patch",
                "nodes/" + node,
                k -> k.nodes()
                        .withName(node)
                        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"unschedulable\":true}}"));
        if (patched == null)
            throw ActionException.permanent("Not found: nodes/" + node + " (context " + on.context() + ")");
        context.statusChange(node, "cordoned");
        Node read = KubeCall.run(
                context,
                on,
                "get",
                "nodes/" + node,
                k -> k.nodes().withName(node).get());
        if (read == null) {
            throw ActionException.permanent(
                    "Expected node " + node + " cordoned, found no such node any more: it was deleted meanwhile;"
                            + " list the nodes (`kubectl get nodes`) before going on.");
        }
        if (!Boolean.TRUE.equals(read.getSpec() == null ? null : read.getSpec().getUnschedulable())) {
            throw ActionException.permanent(
                    "Expected node " + node + " unschedulable, found it schedulable again: something uncordoned it"
                            + " (another operator, an automation). Find out who, then retry this step.");
        }
        return "node " + node + " unschedulable (read back)";
    }
}
