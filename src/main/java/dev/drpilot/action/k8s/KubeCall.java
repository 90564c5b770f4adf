package dev.drpilot.action.k8s;

import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.function.Function;

/** One Kubernetes API call of an action: logged, its failure put in the operator's words. */
final class KubeCall {

    private KubeCall() {}

    /**
     * @param verb the RBAC verb (get, list, watch, create, patch, delete)
     * @param resource what it acts on, for the log and the messages ("nodes/ip-10-0-1-12")
     */
    static <R> R run(
            ActionContext context,
            KubeClients.Connection on,
            String verb,
            String resource,
            Function<KubernetesClient, R> call)
            throws ActionException {
        try {
            R result = call.apply(on.client());
            context.apiCall("Kubernetes", verb + " " + resource, null);
            return result;
        } catch (KubernetesClientException e) {
            context.apiCall("Kubernetes", verb + " " + resource + " (failed)", null);
            throw KubeErrors.translate(e, verb, resource, on);
        }
    }
}
