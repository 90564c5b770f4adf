package dev.drpilot.action.k8s;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;

/** k8s.pods.list: the pods of a namespace with status and restarts, and which of them are not healthy. */
public final class PodsList implements Action {

    private final KubeClients clients;

    public PodsList(KubeClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "k8s.pods.list";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String namespace = args.required("namespace");
        String selector = args.text("selector");
        KubeClients.Connection on = clients.connect(context);
        List<Pod> pods = KubeCall.run(context, on, "list", "pods in namespace " + namespace, k -> {
            var inNamespace = k.pods().inNamespace(namespace);
            return (selector == null || selector.isBlank() ? inNamespace : inNamespace.withLabelSelector(selector))
                    .list()
                    .getItems();
        });
        List<String> unhealthy = pods.stream()
                .filter(p -> !PodHealth.isHealthy(p))
                .map(p -> p.getMetadata().getName())
                .sorted()
                .toList();
        String summary = pods.size() + " pod(s) in " + namespace
                + (unhealthy.isEmpty()
                        ? ", all healthy"
                        : ", not healthy: "
                                + String.join(
                                        ", ",
                                        pods.stream()
                                                .filter(p -> !PodHealth.isHealthy(p))
                                                .map(p -> p.getMetadata().getName() + " ("
                                                        + (PodHealth.reason(p) == null
                                                                ? p.getStatus().getPhase()
                                                                : PodHealth.reason(p))
                                                        + ")")
                                                .toList()));
        return ActionResult.of(
                summary,
                Map.of(
                        "pods",
                        pods.stream().map(PodHealth::describe).toList(),
                        "unhealthy",
                        unhealthy,
                        "unhealthyCount",
                        unhealthy.size()));
    }
}
