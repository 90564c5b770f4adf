package dev.drpilot.action.k8s;

import dev.drpilot.action.ActionException;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** Kubernetes failures in the operator's words: which verb RBAC refused, which context to log in again to. */
final class KubeErrors {

    private KubeErrors() {}

    /**
     * @param verb the RBAC verb of the call (get, list, patch, delete, create)
     * @param resource what it was on ("pods/druid-historical-0 in namespace druid")
     */
    static ActionException translate(
            KubernetesClientException e, String verb, String resource, KubeClients.Connection on) {
        int code = Math.max(e.getCode(), 0); // no HTTP status at all: the server was never reached
        String reason = e.getStatus() != null && e.getStatus().getMessage() != null
                ? e.getStatus().getMessage()
                : firstLine(e.getMessage());
        return switch (code) {
            case 401 ->
                ActionException.permanent(
                        "The cluster of context " + on.context() + " did not accept your credentials (expired token?):"
                                + " refresh them with `aws sso login` and `aws eks update-kubeconfig --name CLUSTER`, then retry this step.");
            case 403 ->
                ActionException.permanent(
                        "Kubernetes RBAC refused to " + verb + " " + resource + " (context " + on.context()
                                + "): ask for the '" + verb + "' verb on it, or use a context that has it. " + reason);
            case 404 -> ActionException.permanent("Not found: " + resource + " (context " + on.context() + ")");
            case 409 -> ActionException.permanent("Conflict on " + resource + ": " + reason);
            case 0 ->
                new ActionException(
                        "Cannot reach the cluster of context " + on.context() + " at " + on.server() + ": " + reason
                                + ". Check the VPN or network, and that the cluster is up.",
                        true,
                        e);
            default ->
                code == 429 || code >= 500
                        ? new ActionException(
                                "The API server is busy or failing (HTTP " + code + ") on " + verb + " " + resource
                                        + ": retrying",
                                true,
                                e)
                        : new ActionException(
                                "Kubernetes refused to " + verb + " " + resource + " (HTTP " + code + "): " + reason,
                                false,
                                e);
        };
    }

    /** The first line of a message only (a parser's next lines can quote the file it read, secrets included). */
    static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse(text);
    }
}
