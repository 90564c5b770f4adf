package dev.drpilot.app.cli;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.runbook.RequiredPermissions;
import dev.drpilot.runbook.Runbook;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "permissions",
        mixinStandardHelpOptions = true,
        description =
                "Prints, per runbook, the minimal IAM policy and Kubernetes RBAC it needs, as Markdown (docs/permissions.md is this output).")
public final class PermissionsCommand implements Callable<Integer> {

    private final DrPilotServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    RunbookOptions runbooks;

    public PermissionsCommand(DrPilotServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        List<Runbook> loaded = runbooks.loadOrReport(spec.commandLine().getErr());
        if (loaded == null) return 1;
        spec.commandLine().getOut().print(markdown(loaded, services.catalog()));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The permissions of every runbook as docs/permissions.md; a test keeps the file equal to this. */
    public static String markdown(List<Runbook> runbooks, ActionCatalog catalog) {
        StringBuilder out = new StringBuilder();
        out.append("# Permissions per runbook\n\n")
                .append(
                        "The least a runbook needs to run every one of its steps: the IAM actions of its AWS steps (one policy\n")
                .append(
                        "to attach to the role or permission set you run DR Pilot with), the Kubernetes RBAC verbs of its\n")
                .append(
                        "cluster steps, and what its other steps need. STS GetCallerIdentity, which DR Pilot calls before the\n")
                .append(
                        "first AWS step, is always allowed. Restrict `Resource` further if your policies name resources.\n\n")
                .append(
                        "Generated from the action catalogue by `java -jar target/drpilot.jar permissions`; do not edit by hand.\n");
        for (Runbook runbook :
                runbooks.stream().sorted(Comparator.comparing(Runbook::id)).toList()) {
            RequiredPermissions needed = RequiredPermissions.of(runbook, catalog);
            out.append("\n## ")
                    .append(runbook.id())
                    .append("\n\n")
                    .append(runbook.title())
                    .append("\n\n");
            if (needed.needsNothing()) {
                out.append("Manual steps only: no permission needed.\n");
                continue;
            }
            if (!needed.iamActions().isEmpty())
                out.append("IAM policy:\n\n```json\n")
                        .append(needed.iamPolicyJson())
                        .append("```\n\n");
            if (!needed.rbacVerbsByResource().isEmpty()) {
                out.append("Kubernetes RBAC:\n\n| resource | verbs |\n|---|---|\n");
                for (Map.Entry<String, Set<String>> rule :
                        needed.rbacVerbsByResource().entrySet()) {
                    out.append("| ")
                            .append(rule.getKey())
                            .append(" | ")
                            .append(String.join(", ", rule.getValue()))
                            .append(" |\n");
                }
                out.append('\n');
            }
            if (!needed.other().isEmpty()) {
                out.append("Other:\n\n");
                needed.other().forEach(o -> out.append("- ").append(o).append('\n'));
                out.append('\n');
            }
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").stripTrailing() + "\n";
    }
}
