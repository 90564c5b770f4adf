package dev.drpilot.readiness;

import dev.drpilot.action.ActionException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Kubernetes runbooks' precondition: the kubeconfig's user may do the RBAC verbs their cluster
 * steps need (docs/permissions.md), asked of the cluster by SelfSubjectAccessReview in the guide's
 * namespace; one review per verb and resource, shared by the runbooks that need it.
 */
final class RunbookRbacCheck extends GuideCheck {

    /** The namespace the guide's cluster steps work in. */
    static final String NAMESPACE = "druid";

    private final ActionRead review;
    private final Map<String, Set<String>> checksByRunbook;

    /** @param checksByRunbook the "verb resource" pairs of each runbook ("list pods"), by runbook id */
    RunbookRbacCheck(ActionRead review, Map<String, Set<String>> checksByRunbook) {
        super(
                "Runbook preconditions: your Kubernetes RBAC verbs allowed (" + checksByRunbook.size() + " runbooks)",
                "every verb allowed in " + NAMESPACE);
        this.review = review;
        this.checksByRunbook = new TreeMap<>(checksByRunbook);
    }

    @Override
    ReadinessRow measure() throws ActionException {
        Set<String> all = new TreeSet<>();
        checksByRunbook.values().forEach(all::addAll);
        Set<String> denied = new TreeSet<>(
                ActionRead.texts(review.outputs("namespace", NAMESPACE, "checks", List.copyOf(all)), "denied"));
        Map<String, Set<String>> lacking = new TreeMap<>();
        checksByRunbook.forEach((runbook, needed) -> needed.stream()
                .filter(denied::contains)
                .forEach(c ->
                        lacking.computeIfAbsent(runbook, r -> new TreeSet<>()).add(c)));
        if (lacking.isEmpty())
            return judged(true, "allowed all " + all.size() + " verb/resource pairs in " + NAMESPACE, "");
        String figure = "not allowed " + String.join(", ", denied) + " in " + NAMESPACE + ", needed by: "
                + String.join(
                        "; ",
                        lacking.entrySet().stream()
                                .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                                .toList());
        return judged(
                false,
                figure,
                "Bind your user a Role in " + NAMESPACE + " (or a ClusterRole for nodes) that allows "
                        + String.join(", ", denied)
                        + " (docs/permissions.md lists each runbook's verbs); `kubectl auth can-i --list -n "
                        + NAMESPACE + "` shows what you have.");
    }
}
