package dev.drpilot.action.k8s;

import dev.drpilot.action.ActionException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;

/** The namespaces of the operator's cluster, offered when a scenario asks for one. */
public final class ClusterNamespaces {

    private ClusterNamespaces() {}

    public static List<String> list(KubeClients clients) throws ActionException {
        KubeClients.Connection on = clients.observe();
        try {
            return on.client().namespaces().list().getItems().stream()
                    .map(n -> n.getMetadata().getName())
                    .sorted()
                    .toList();
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(e, "list", "namespaces", on);
        }
    }
}
