package dev.drpilot.app.cli;

import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.rehearsal.Scorecards;
import dev.drpilot.runbook.Runbook;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "scorecard", mixinStandardHelpOptions = true,
        description = "Writes a rehearsal's scorecard (Markdown): RTO and RPO against target, phases, retries, injects, and the same exercise across rehearsals.")
public final class ScorecardCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RunbookOptions runbooks;

    @Mixin
    LogOptions log;

    @Parameters(paramLabel = "REHEARSAL", description = "The rehearsal's id (see `incidents`).")
    String id;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write it: .html (with a chart), .json, .csv (a row per rehearsal), else Markdown (default: <id>-scorecard.md in the exports folder beside the log).")
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
            if (incident.mode() != IncidentMode.REHEARSAL) {
                err.println(id + " is a live incident, not a rehearsal: `drpilot export " + id + "` writes its post-mortem");
                return 1;
            }
            Runbook runbook = all.stream().filter(r -> r.id().equals(incident.runbookId())).findFirst().orElse(null);
            if (runbook == null) {
                err.println("the runbook of " + id + " (" + incident.runbookId() + ") is not in " + runbooks.folder);
                return 1;
            }
            Path file = ExportFiles.target(output, store, id + "-scorecard.md", force, err).orElse(null);
            if (file == null) return 1;
            try {
                Scorecards.export(store, incident, runbook, file);
            } catch (IOException e) {
                err.println(ExportFiles.cannotWrite(file, e));
                return 1;
            }
            out.println("Scorecard of " + id + ": " + file);
            return 0;
        }
    }
}
