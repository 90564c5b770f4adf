package dev.drpilot.action.k8s;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import io.fabric8.kubernetes.api.model.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** k8s.nodes.listByZone: Ready and NotReady nodes per availability zone, to tell a node failure from an AZ failure. */
public final class NodesListByZone implements Action {

    private final KubeClients clients;

    public NodesListByZone(KubeClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "k8s.nodes.listByZone";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Map<String, Map<String, List<String>>> zones = new TreeMap<>();
        for (Node node : Nodes.list(context, clients.connect(context), null)) {
            Map<String, List<String>> zone = zones.computeIfAbsent(NodeHealth.zone(node), z -> {
                Map<String, List<String>> byState = new LinkedHashMap<>();
                byState.put("ready", new ArrayList<>());
                byState.put("notReady", new ArrayList<>());
                return byState;
            });
            zone.get(NodeHealth.isReady(node) ? "ready" : "notReady")
                    .add(node.getMetadata().getName());
        }
        List<String> notReadyZones = zones.entrySet().stream()
                .filter(e -> !e.getValue().get("notReady").isEmpty())
                .map(Map.Entry::getKey)
                .toList();
        String summary = String.join(
                "; ",
                zones.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue().get("ready").size() + " Ready, "
                                + e.getValue().get("notReady").size() + " NotReady")
                        .toList());
        return ActionResult.of(summary, Map.of("zones", zones, "notReadyZones", notReadyZones));
    }
}
