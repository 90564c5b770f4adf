package dev.drpilot.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "close",
        mixinStandardHelpOptions = true,
        description =
                "Closes an incident with the summary that opens its post-mortem; every clock stops and no step runs after it.")
public final class CloseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LogOptions log;

    @Parameters(paramLabel = "INCIDENT")
    String incidentId;

    @Option(
            names = "--summary",
            required = true,
            paramLabel = "TEXT",
            description = "What happened and how it ended, for the post-mortem.")
    String summary;

    @Override
    public Integer call() {
        return IncidentStateChange.apply(
                log,
                incidentId,
                spec.commandLine().getOut(),
                spec.commandLine().getErr(),
                (store, incident) -> store.life().close(incident.id(), summary),
                "is closed");
    }
}
