package dev.drpilot.action.k8s;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * k8s.access.review: whether the kubeconfig's user may do each of a list of "verb resource" pairs
 * ("list pods", "create pods/eviction"), one SelfSubjectAccessReview each, as `kubectl auth can-i` asks.
 */
public final class AccessReview implements Action {

    private final KubeClients clients;

    public AccessReview(KubeClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "k8s.access.review";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String namespace = args.required("namespace");
        KubeClients.Connection connection = clients.connect(context);
        Map<String, Boolean> decisions = new LinkedHashMap<>();
        List<String> denied = new ArrayList<>();
        for (String check : args.list("checks")) {
            String[] verbAndResource = check.strip().split("\\s+", 2);
            if (verbAndResource.length < 2)
                throw ActionException.permanent("checks: '" + check + "' is not a verb and a resource (list pods)");
            String[] resource = verbAndResource[1].split("/", 2);
            SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder()
                    .withNewSpec()
                    .withNewResourceAttributes()
                    .withNamespace(namespace)
                    .withVerb(verbAndResource[0])
                    .withResource(resource[0])
                    .withSubresource(resource.length > 1 ? resource[1] : null)
                    .endResourceAttributes()
                    .endSpec()
                    .build();
            boolean allowed;
            try {
                SelfSubjectAccessReview answer = connection
                        .client()
                        .authorization()
                        .v1()
                        .selfSubjectAccessReview()
                        .create(review);
                allowed = answer.getStatus() != null
                        && Boolean.TRUE.equals(answer.getStatus().getAllowed());
            } catch (KubernetesClientException e) {
                throw ActionException.permanent(
                        "The cluster of context " + connection.context() + " did not answer an access review (HTTP "
                                + e.getCode() + "): check the kubeconfig's credentials with `kubectl auth can-i "
                                + check + " -n " + namespace + "`.");
            }
            decisions.put(check, allowed);
            if (!allowed) denied.add(check);
        }
        return ActionResult.of(
                denied.isEmpty()
                        ? "allowed all " + decisions.size() + " in " + namespace
                        : "not allowed in " + namespace + ": " + String.join(", ", denied),
                Map.of("decisions", decisions, "denied", denied, "allowed", denied.isEmpty()));
    }
}
