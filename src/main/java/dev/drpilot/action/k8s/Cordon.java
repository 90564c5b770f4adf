package dev.drpilot.action.k8s;

import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/** Sets a node unschedulable with a JSON merge patch (what kubectl cordon changes, and all it changes). */
final class Cordon {

    private Cordon() {
    }

    static void apply(ActionContext context, KubeClients.Connection on, String node) throws ActionException {
        var patched = KubeCall.run(context, on, "patch", "nodes/" + node, k -> k.nodes().withName(node)
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"unschedulable\":true}}"));
        if (patched == null) throw ActionException.permanent("Not found: nodes/" + node + " (context " + on.context() + ")");
        context.statusChange(node, "cordoned");
    }
}
