package dev.drpilot.action.k8s;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * k8s.rollout.restart: what {@code kubectl rollout restart} does: stamps the pod template with
 * kubectl.kubernetes.io/restartedAt, so the controller replaces the pods one by one.
 */
public final class RolloutRestart implements Action {

    private final KubeClients clients;

    public RolloutRestart(KubeClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "k8s.rollout.restart";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String namespace = args.required("namespace");
        Workloads kind = Workloads.of(args.required("kind"));
        List<String> names = args.list("names");
        if (names.isEmpty()) throw ActionException.permanent("names: give at least one " + kind.resource() + " to restart");
        String patch = "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/restartedAt\":\""
                + context.clock().instant() + "\"}}}}}";
        KubeClients.Connection on = clients.connect(context);
        List<String> restarted = new ArrayList<>();
        for (String name : names) {
            String resource = kind.resource() + "/" + name + " in namespace " + namespace;
            var patched = KubeCall.run(context, on, "patch", resource, k -> kind.named(k, namespace, name).patch(PatchContext.of(PatchType.JSON_MERGE), patch));
            if (patched == null) throw ActionException.permanent("Not found: " + resource + " (context " + on.context() + ")");
            context.statusChange(name, "restarting");
            restarted.add(name);
        }
        return ActionResult.of("Restarting " + String.join(", ", restarted), Map.of("restarted", restarted));
    }
}
