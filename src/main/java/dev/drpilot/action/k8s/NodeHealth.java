package dev.drpilot.action.k8s;

import io.fabric8.kubernetes.api.model.Node;
import java.util.LinkedHashMap;
import java.util.Map;

/** What kubectl says of a node: Ready or not, its zone, its conditions. */
final class NodeHealth {

    static final String ZONE_LABEL = "topology.kubernetes.io/zone";

    private NodeHealth() {}

    static boolean isReady(Node node) {
        return node.getStatus() != null
                && node.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    static String zone(Node node) {
        Map<String, String> labels = node.getMetadata().getLabels();
        return labels == null ? "(no zone)" : labels.getOrDefault(ZONE_LABEL, "(no zone)");
    }

    static Map<String, Object> describe(Node node) {
        Map<String, Object> conditions = new LinkedHashMap<>();
        if (node.getStatus() != null)
            node.getStatus().getConditions().forEach(c -> conditions.put(c.getType(), c.getStatus()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", node.getMetadata().getName());
        out.put("zone", zone(node));
        out.put("ready", isReady(node));
        out.put("conditions", conditions);
        out.put(
                "unschedulable",
                Boolean.TRUE.equals(
                        node.getSpec() == null ? null : node.getSpec().getUnschedulable()));
        return out;
    }
}
