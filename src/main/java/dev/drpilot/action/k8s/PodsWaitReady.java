package dev.drpilot.action.k8s;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import dev.drpilot.action.Polling;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * k8s.pods.waitReady: polls until the pod (by name, or the prefix of a recreated pod's name) or
 * every pod matching a selector is Running and Ready, and none is terminating.
 */
public final class PodsWaitReady implements Action {

    private final KubeClients clients;

    public PodsWaitReady(KubeClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "k8s.pods.waitReady";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context)
            throws ActionException, InterruptedException {
        Args args = new Args(values);
        String namespace = args.required("namespace");
        String pod = args.text("pod");
        String selector = args.text("selector");
        if (pod == null && selector == null)
            throw ActionException.permanent("give a pod name (or prefix), or a label selector");
        KubeClients.Connection on = clients.connect(context);
        String what = (pod != null ? pod : "the pods matching " + selector) + " in " + namespace + " to be Ready";
        List<String> ready = Polling.until(context, what, Duration.ofMinutes(30), () -> {
            List<Pod> pods = KubeCall.run(context, on, "list", "pods in namespace " + namespace, k -> {
                        var inNamespace = k.pods().inNamespace(namespace);
                        return (selector == null ? inNamespace : inNamespace.withLabelSelector(selector))
                                .list()
                                .getItems();
                    })
                    .stream()
                    .filter(p -> pod == null || p.getMetadata().getName().startsWith(pod))
                    .toList();
            long notReady = pods.stream().filter(p -> !PodHealth.isReady(p)).count();
            context.progress(
                    (pods.size() - notReady) + " of " + pods.size() + " pod(s) Ready",
                    pods.isEmpty() ? null : (double) (pods.size() - notReady) / pods.size());
            return !pods.isEmpty() && notReady == 0
                    ? Optional.of(pods.stream()
                            .map(p -> p.getMetadata().getName())
                            .sorted()
                            .toList())
                    : Optional.empty();
        });
        ready.forEach(name -> context.statusChange(name, "Ready"));
        return ActionResult.of(String.join(", ", ready) + " Ready", Map.of("ready", ready));
    }
}
