package dev.drpilot.app.cli;

import dev.drpilot.engine.RunbookVersions;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.runbook.RunbookVersion;
import dev.drpilot.runbook.UnifiedDiff;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Compares the runbook two incidents ran, as their logs recorded it.",
            "Prints the unified diff of the two versions, or says they ran the same version. Each incident's newest version counts (a change accepted on resuming replaces the"
                    + " declared one). Reads the log only."
        })
public final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LogOptions log;

    @Parameters(index = "0", paramLabel = "INCIDENT_A")
    String first;

    @Parameters(index = "1", paramLabel = "INCIDENT_B")
    String second;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (IncidentLogStore store = log.openToRead()) {
            Optional<RunbookVersion> a = version(store, first, err);
            if (a.isEmpty()) return 1;
            Optional<RunbookVersion> b = version(store, second, err);
            if (b.isEmpty()) return 1;
            if (a.get().sameAs(b.get())) {
                out.println("same runbook version " + a.get().shortId() + " ("
                        + a.get().file() + ")");
                return 0;
            }
            var diff = UnifiedDiff.of(
                    first + " " + a.get().label(),
                    a.get().text(),
                    second + " " + b.get().label(),
                    b.get().text());
            if (diff.isEmpty()) {
                out.println("versions " + a.get().shortId() + " and " + b.get().shortId()
                        + " differ only in line endings or in values the log redacts");
            }
            diff.forEach(out::println);
            return 0;
        }
    }

    private static Optional<RunbookVersion> version(IncidentLogStore store, String id, PrintWriter err) {
        Optional<Incident> incident = LogOptions.find(store, id, err);
        if (incident.isEmpty()) return Optional.empty();
        Optional<RunbookVersion> version = RunbookVersions.current(store.events(id));
        if (version.isEmpty()) {
            err.println(
                    id
                            + " was declared before DR Pilot recorded runbook versions, so there is no runbook of it to compare");
        }
        return version;
    }
}
