package dev.drpilot.action.k8s;

import dev.drpilot.action.ActionException;
import dev.drpilot.action.ResourceStatus;
import dev.drpilot.action.StatusSource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;

/** The pods of a namespace and the cluster's nodes, as kubectl get pods / get nodes would show them. */
public final class NamespaceStatus implements StatusSource {

    private final KubeClients clients;
    private final String namespace;

    public NamespaceStatus(KubeClients clients, String namespace) {
        this.clients = clients;
        this.namespace = namespace;
    }

    @Override
    public String describe() {
        return "pods of namespace " + namespace + " and the nodes";
    }

    @Override
    public List<ResourceStatus> read() throws ActionException {
        KubeClients.Connection on = clients.observe();
        try {
            List<ResourceStatus> rows = new ArrayList<>();
            for (Node node : on.client().nodes().list().getItems()) {
                boolean ready = NodeHealth.isReady(node);
                rows.add(new ResourceStatus("Node", node.getMetadata().getName(), ready ? "Ready" : "NotReady", ready,
                        Boolean.TRUE.equals(node.getSpec() == null ? null : node.getSpec().getUnschedulable()) ? "cordoned" : ""));
            }
            for (Pod pod : on.client().pods().inNamespace(namespace).list().getItems()) {
                String reason = PodHealth.reason(pod);
                String status = reason != null ? reason : pod.getStatus() == null ? "Unknown" : String.valueOf(pod.getStatus().getPhase());
                String node = pod.getSpec() == null || pod.getSpec().getNodeName() == null ? "unscheduled" : pod.getSpec().getNodeName();
                rows.add(new ResourceStatus("Pod", pod.getMetadata().getName(), status, PodHealth.isHealthy(pod),
                        (PodHealth.isReady(pod) ? "ready" : "not ready") + ", " + PodHealth.restarts(pod) + " restarts, on " + node));
            }
            return rows;
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(e, "list", "pods in namespace " + namespace, on);
        }
    }
}
