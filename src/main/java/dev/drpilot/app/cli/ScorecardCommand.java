package dev.drpilot.app.cli;

import dev.drpilot.export.ExportFormat;
import dev.drpilot.export.Exported;
import dev.drpilot.export.IncidentExports;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.runbook.Runbook;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "scorecard",
        mixinStandardHelpOptions = true,
        description =
                "Writes a rehearsal's scorecard (Markdown): RTO and RPO against target, phases, retries, injects, and the same exercise across rehearsals.")
public final class ScorecardCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RunbookOptions runbooks;

    @Mixin
    LogOptions log;

    @Parameters(paramLabel = "REHEARSAL", description = "The rehearsal's id (see `incidents`).")
    String id;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description =
                    "Where to write it: .html (with a chart), .json, .csv (a row per rehearsal), else Markdown (default: <id>-scorecard.md in the exports folder beside the log).")
    Path output;

    @Option(names = "--force", description = "Replace the file if it exists.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Runbook> all = runbooks.loadOrReport(err);
        if (all == null) return 1;
        try (IncidentLogStore store = log.openToRead()) {
            Incident incident = LogOptions.find(store, id, err).orElse(null);
            if (incident == null) return 1;
            Optional<Runbook> runbook = all.stream()
                    .filter(r -> r.id().equals(incident.runbookId()))
                    .findFirst();
            if (runbook.isEmpty() && incident.mode() == IncidentMode.REHEARSAL) {
                err.println("the runbook of " + id + " (" + incident.runbookId() + ") is not in " + runbooks.folder);
                return 1;
            }
            IncidentExports exports = IncidentExports.unlogged(store);
            Exported exported = output == null
                    ? exports.toFolder(id, runbook, ExportFormat.SCORECARD, exports.folderBesideLog(), force)
                    : exports.toFile(id, runbook, ExportFormat.SCORECARD, output, force);
            return switch (exported) {
                case Exported.Written written -> {
                    out.println("Scorecard of " + id + ": " + written.file());
                    yield 0;
                }
                case Exported.Refused refused -> {
                    err.println(refused.reason());
                    yield 1;
                }
            };
        }
    }
}
