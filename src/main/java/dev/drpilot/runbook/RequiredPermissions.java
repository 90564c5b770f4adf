package dev.drpilot.runbook;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.ActionContract;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a runbook needs to be allowed to do, read from the permissions its actions' contracts
 * declare: the IAM actions of its AWS steps, the RBAC verbs of its Kubernetes steps, and what the
 * other steps need in words. Derived, never written by hand, so it follows the catalogue.
 */
public record RequiredPermissions(
        Set<String> iamActions, Map<String, Set<String>> rbacVerbsByResource, Set<String> other) {

    private static final Pattern IAM_ACTION = Pattern.compile("\\b[a-z0-9-]+:[A-Z][A-Za-z0-9]*\\b");
    private static final Pattern RBAC_RULE =
            Pattern.compile("(get|list|watch|create|update|patch|delete) ([a-z]+(?:/[a-z]+)?)");

    public static RequiredPermissions of(Runbook runbook, ActionCatalog catalog) {
        Set<String> iam = new TreeSet<>();
        Map<String, Set<String>> rbac = new TreeMap<>();
        Set<String> other = new TreeSet<>();
        for (Step step : runbook.steps()) {
            if (step.isManual()) continue;
            ActionContract contract = catalog.find(step.action()).orElseThrow();
            String permission = contract.permission() == null ? "" : contract.permission();
            switch (contract.backend()) {
                case AWS -> {
                    Matcher m = IAM_ACTION.matcher(permission);
                    while (m.find()) iam.add(m.group());
                }
                case K8S -> {
                    boolean any = false;
                    for (String part : permission.split(",")) {
                        Matcher m = RBAC_RULE.matcher(part.strip());
                        if (m.matches()) {
                            rbac.computeIfAbsent(m.group(2), k -> new TreeSet<>())
                                    .add(m.group(1));
                            any = true;
                        }
                    }
                    if (!any) other.add(contract.id() + ": " + permission);
                }
                default -> other.add(contract.id() + ": " + permission);
            }
        }
        return new RequiredPermissions(iam, rbac, other);
    }

    /** The IAM actions as a policy document, one statement, ready to paste into IAM. */
    public String iamPolicyJson() {
        StringBuilder json = new StringBuilder(
                "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Action\": [\n");
        int i = 0;
        for (String action : iamActions) {
            json.append("        \"")
                    .append(action)
                    .append('"')
                    .append(++i < iamActions.size() ? "," : "")
                    .append('\n');
        }
        return json.append("      ],\n      \"Resource\": \"*\"\n    }\n  ]\n}\n")
                .toString();
    }

    public boolean needsNothing() {
        return iamActions.isEmpty() && rbacVerbsByResource.isEmpty() && other.isEmpty();
    }
}
