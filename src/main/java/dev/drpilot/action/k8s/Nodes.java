package dev.drpilot.action.k8s;

import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import io.fabric8.kubernetes.api.model.Node;
import java.util.List;

/** Reading the cluster's nodes, shared by the node actions. */
final class Nodes {

    private Nodes() {}

    static List<Node> list(ActionContext context, KubeClients.Connection on, String selector) throws ActionException {
        return KubeCall.run(
                context,
                on,
                "list",
                "nodes",
                k -> (selector == null || selector.isBlank()
                                ? k.nodes()
                                : k.nodes().withLabelSelector(selector))
                        .list()
                        .getItems());
    }
}
