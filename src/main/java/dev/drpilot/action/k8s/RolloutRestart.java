package dev.drpilot.action.k8s;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * k8s.rollout.restart: what {@code kubectl rollout restart} does: stamps the pod template with
 * kubectl.kubernetes.io/restartedAt, so the controller replaces the pods one by one. Each
 * workload is read back to prove its template carries this restart's stamp.
 */
public final class RolloutRestart implements Action {

    private static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

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
        if (names.isEmpty())
            throw ActionException.permanent("names: give at least one " + kind.resource() + " to restart");
        String stamp = context.clock().instant().toString();
        String patch = "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"" + RESTARTED_AT + "\":\"" + stamp
                + "\"}}}}}";
        KubeClients.Connection on = clients.connect(context);
        List<String> restarted = new ArrayList<>();
        for (String name : names) {
            String resource = kind.resource() + "/" + name + " in namespace " + namespace;
            var patched = KubeCall.run(
                    context,
                    on,
                    "patch",
                    resource,
                    k -> kind.named(k, namespace, name).patch(PatchContext.of(PatchType.JSON_MERGE), patch));
            if (patched == null)
                throw ActionException.permanent("Not found: " + resource + " (context " + on.context() + ")");
            context.statusChange(name, "restarting");
            restarted.add(name);
        }
        for (String name : restarted) {
            String resource = kind.resource() + "/" + name + " in namespace " + namespace;
            String found = stampOf(KubeCall.run(
                    context,
                    on,
                    "get",
                    resource,
                    k -> kind.named(k, namespace, name).get()));
            if (!stamp.equals(found)) {
                throw ActionException.permanent("Expected the pod template of " + resource + " to carry " + RESTARTED_AT
                        + "=" + stamp + ", found "
                        + (found == null ? "none" : found)
                        + ": something replaced the template meanwhile (a helm upgrade, a GitOps sync?)."
                        + " Check `kubectl rollout history " + kind.resource() + "/" + name + " -n " + namespace
                        + "`, then retry this step.");
            }
        }
        return ActionResult.checked(
                "Restarting " + String.join(", ", restarted),
                Map.of("restarted", restarted),
                restarted.size() + " pod template(s) read back with " + RESTARTED_AT + "=" + stamp);
    }

    /** The restartedAt annotation of a workload's pod template, or null (also when the workload is gone). */
    private static String stampOf(HasMetadata workload) {
        PodTemplateSpec template = switch (workload) {
            case StatefulSet s -> s.getSpec().getTemplate();
            case Deployment d -> d.getSpec().getTemplate();
            case null, default -> null;
        };
        if (template == null
                || template.getMetadata() == null
                || template.getMetadata().getAnnotations() == null) return null;
        return template.getMetadata().getAnnotations().get(RESTARTED_AT);
    }
}
