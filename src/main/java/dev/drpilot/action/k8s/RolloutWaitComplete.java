package dev.drpilot.action.k8s;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import dev.drpilot.action.Polling;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** k8s.rollout.waitComplete: polls until every named workload has replaced its pods and they are Ready. */
public final class RolloutWaitComplete implements Action {

    private final KubeClients clients;

    public RolloutWaitComplete(KubeClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "k8s.rollout.waitComplete";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context)
            throws ActionException, InterruptedException {
        Args args = new Args(values);
        String namespace = args.required("namespace");
        Workloads kind = Workloads.of(args.required("kind"));
        List<String> names = args.list("names");
        KubeClients.Connection on = clients.connect(context);
        List<String> ready =
                Polling.until(context, "the rollout of " + String.join(", ", names), Duration.ofMinutes(30), () -> {
                    List<String> done = new ArrayList<>();
                    for (String name : names) {
                        String resource = kind.resource() + "/" + name + " in namespace " + namespace;
                        HasMetadata workload = KubeCall.run(
                                context,
                                on,
                                "get",
                                resource,
                                k -> kind.named(k, namespace, name).get());
                        if (workload == null)
                            throw ActionException.permanent(
                                    "Not found: " + resource + " (context " + on.context() + ")");
                        if (Workloads.rolledOut(workload)) done.add(name);
                    }
                    context.progress(
                            done.size() + " of " + names.size() + " rolled out", (double) done.size() / names.size());
                    return done.size() == names.size() ? Optional.of(done) : Optional.empty();
                });
        ready.forEach(name -> context.statusChange(name, "rolled out"));
        return ActionResult.of("Rollout complete: " + String.join(", ", ready), Map.of("ready", ready));
    }
}
