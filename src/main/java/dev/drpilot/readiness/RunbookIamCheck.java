package dev.drpilot.readiness;

import dev.drpilot.action.ActionException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The runbooks' precondition: the operator is allowed the IAM actions their AWS steps call
 * (docs/permissions.md), as IAM's policy simulator evaluates the caller's policies; one simulation
 * over every runbook's actions, and the runbooks that lack some named in the figure.
 */
final class RunbookIamCheck extends GuideCheck {

    private final ActionRead caller;
    private final ActionRead simulator;
    private final Map<String, Set<String>> actionsByRunbook;

    /** @param actionsByRunbook the IAM actions of each runbook, by runbook id */
    RunbookIamCheck(ActionRead caller, ActionRead simulator, Map<String, Set<String>> actionsByRunbook) {
        super(
                "Runbook preconditions: your IAM actions allowed (" + actionsByRunbook.size() + " runbooks)",
                "every action allowed");
        this.caller = caller;
        this.simulator = simulator;
        this.actionsByRunbook = new TreeMap<>(actionsByRunbook);
    }

    /** The IAM principal the credentials act as: the role of an assumed-role session, else the user itself. */
    static String principalOf(String callerArn) {
        String[] parts = callerArn.split(":", 6);
        if (parts.length < 6 || !parts[2].equals("sts")) return callerArn;
        String resource = parts[5];
        if (resource.startsWith("assumed-role/"))
            return "arn:" + parts[1] + ":iam::" + parts[4] + ":role/" + resource.split("/")[1];
        return "arn:" + parts[1] + ":iam::" + parts[4] + ":" + resource;
    }

    @Override
    ReadinessRow measure() throws ActionException {
        String principal = principalOf(String.valueOf(caller.outputs().get("arn")));
        Set<String> all = new TreeSet<>();
        actionsByRunbook.values().forEach(all::addAll);
        Set<String> denied = new TreeSet<>(
                ActionRead.texts(simulator.outputs("principalArn", principal, "actions", List.copyOf(all)), "denied"));
        Map<String, Set<String>> lacking = new TreeMap<>();
        actionsByRunbook.forEach((runbook, needed) -> needed.stream()
                .filter(denied::contains)
                .forEach(a ->
                        lacking.computeIfAbsent(runbook, r -> new TreeSet<>()).add(a)));
        if (lacking.isEmpty()) return judged(true, principal + " is allowed all " + all.size() + " IAM actions", "");
        String figure =
                principal + " lacks " + denied.size() + " action(s), needed by " + lacking.size() + " runbook(s): "
                        + String.join(
                                "; ",
                                lacking.entrySet().stream()
                                        .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                                        .toList());
        return judged(
                false,
                figure,
                "Ask for " + String.join(", ", denied)
                        + " (docs/permissions.md has each runbook's policy), or run those runbooks with a profile that has them.");
    }
}
