package dev.drpilot.app.cli;

import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentLogUnavailableException;
import dev.drpilot.incident.LogMerge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        description = {
            "Brings the events of a log that went on elsewhere (`continue`) back into this log (--log).",
            "Events that extend an incident's chain here are appended as they are, incidents only there are copied;",
            "when the two logs hold different events for one incident, nothing is changed (exit 1). Merging again adds nothing."
        })
public final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LogOptions log;

    @Option(
            names = "--from",
            paramLabel = "OTHER",
            required = true,
            description = "The log that went on elsewhere, without its .mv.db ending; it is only read.")
    Path from;

    @Override
    public Integer call() {
        Path other = from.toAbsolutePath().resolveSibling(from.getFileName() + ".mv.db");
        if (!Files.isRegularFile(other)) {
            throw new IncidentLogUnavailableException(
                    "There is no incident log at " + other + " to merge from: check --from.", null);
        }
        LogMerge.Report report;
        try (IncidentLogStore into = log.openExisting();
                IncidentLogStore source =
                        IncidentLogStore.open(from, Clock.systemUTC(), System.getProperty("user.name", "operator"))) {
            report = LogMerge.merge(source, into);
        }
        report.lines().forEach(spec.commandLine().getOut()::println);
        return 0;
    }
}
