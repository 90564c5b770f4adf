package dev.drpilot.app.cli;

import dev.drpilot.runbook.RunbookHeader;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description =
                "Lists the runbooks: id, architecture, kind, RTO, RPO and number of steps (read from each file's header;"
                        + " `validate` checks the steps).")
public final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RunbookOptions runbooks;

    @Override
    public Integer call() {
        List<RunbookHeader> all = runbooks.headersOrReport(spec.commandLine().getErr());
        if (all == null) return 1;
        List<RunbookHeader> sorted = all.stream()
                .sorted(Comparator.comparing(RunbookHeader::kind)
                        .thenComparing(RunbookHeader::architecture)
                        .thenComparing(RunbookHeader::id))
                .toList();
        TextTable table = new TextTable("ID", "ARCHITECTURE", "KIND", "RTO", "RPO", "STEPS");
        for (RunbookHeader r : sorted) {
            table.row(
                    r.id(),
                    r.architecture().yamlName(),
                    r.kind().yamlName(),
                    r.targets().rto().label(),
                    r.targets().rpo().label(),
                    String.valueOf(r.stepCount()));
        }
        spec.commandLine().getOut().print(table);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
