package dev.drpilot.action.k8s;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.Map;

/** k8s.pods.delete: deletes a pod so that its StatefulSet or Deployment recreates it. */
public final class PodsDelete implements Action {

    private final KubeClients clients;

    public PodsDelete(KubeClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "k8s.pods.delete";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String namespace = args.required("namespace");
        String pod = args.required("pod");
        KubeClients.Connection on = clients.connect(context);
        String resource = "pods/" + pod + " in namespace " + namespace;
        var deleted = KubeCall.run(context, on, "delete", resource, k -> k.pods().inNamespace(namespace).withName(pod).delete());
        if (deleted.isEmpty()) throw ActionException.permanent("Not found: " + resource + " (context " + on.context() + ")");
        context.statusChange(pod, "deleted");
        return ActionResult.of("Deleted " + pod + "; its controller recreates it", Map.of("deleted", pod));
    }
}
