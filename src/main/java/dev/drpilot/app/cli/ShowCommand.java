package dev.drpilot.app.cli;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.runbook.CommandPreview;
import dev.drpilot.runbook.Durations;
import dev.drpilot.runbook.Param;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.Step;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Shows a runbook's steps in order, each with its equivalent aws/kubectl command.")
public final class ShowCommand implements Callable<Integer> {

    private final DrPilotServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    RunbookOptions runbooks;

    @Parameters(paramLabel = "ID", description = "The runbook id (see `list`).")
    String id;

    @Option(
            names = {"-p", "--param"},
            paramLabel = "NAME=VALUE",
            description = "A parameter value to show in the commands.")
    Map<String, String> params = Map.of();

    public ShowCommand(DrPilotServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Runbook found = runbooks.loadOneOrReport(id, err);
        if (found == null) return 1;
        found.params().stream()
                .filter(p -> p.sensitive() && params.containsKey(p.name()))
                .forEach(p -> err.println("warning: -p " + p.name()
                        + " leaves the secret in the process list and the shell history, and show never uses it"
                        + " (a secret shows as ****): leave it out"));
        print(found, new CommandPreview(services.catalog()), out);
        return 0;
    }

    private void print(Runbook r, CommandPreview preview, PrintWriter out) {
        out.println(r.id() + " - " + r.title());
        out.println(r.architecture().label() + " | " + r.kind().yamlName() + " | RTO "
                + r.targets().rto().label() + " | RPO " + r.targets().rpo().label()
                + (r.targets().note() == null ? "" : " (" + r.targets().note() + ")"));
        if (r.guideSection() != null) out.println("Guide: " + r.guideSection());
        if (!r.symptoms().isEmpty()) out.println("Symptoms: " + String.join("; ", r.symptoms()));
        if (!r.params().isEmpty()) {
            out.println();
            out.println("Parameters:");
            for (Param p : r.params()) out.println("  " + describe(p));
        }
        out.println();
        out.println("Steps:");
        int n = 1;
        for (Step step : r.steps()) {
            out.println(String.format("%3d. [%s] %s", n++, step.phase().yamlName(), step.title()) + timing(step));
            if (step.isManual()) {
                out.println("       manual: "
                        + preview.instructionsOf(r, step, params).replace("\n", "\n       "));
            } else {
                out.println("       " + step.action());
                out.println("       $ " + preview.commandOf(r, step, params).orElseThrow());
            }
            if (step.destructive()) {
                out.println("       DESTRUCTIVE: confirm by typing " + preview.confirmationOf(r, step, params));
            }
        }
    }

    private static String describe(Param p) {
        StringBuilder s =
                new StringBuilder(p.name()).append(" (").append(p.type().yamlName());
        if (p.defaultValue() != null) s.append(", default ").append(p.sensitive() ? "****" : p.defaultValue());
        else if (p.required()) s.append(", required");
        s.append(")");
        if (!p.values().isEmpty()) s.append(" one of ").append(String.join(", ", p.values()));
        if (p.hint() != null) s.append(": ").append(p.hint());
        return s.toString();
    }

    private static String timing(Step step) {
        StringBuilder s = new StringBuilder();
        if (step.expect() != null) s.append("typically ").append(Durations.human(step.expect()));
        if (step.timeout() != null)
            s.append(s.isEmpty() ? "" : ", ").append("timeout ").append(Durations.human(step.timeout()));
        return s.isEmpty() ? "" : "  (" + s + ")";
    }
}
