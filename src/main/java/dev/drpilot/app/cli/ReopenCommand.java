package dev.drpilot.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "reopen",
        mixinStandardHelpOptions = true,
        description =
                "Reopens a recovered or closed incident (the service failed again, or more was found): its clocks run again.")
public final class ReopenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LogOptions log;

    @Parameters(paramLabel = "INCIDENT")
    String incidentId;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it is worked on again.")
    String reason;

    @Override
    public Integer call() {
        return IncidentStateChange.apply(
                log,
                incidentId,
                spec.commandLine().getOut(),
                spec.commandLine().getErr(),
                (store, incident) -> store.life().reopen(incident.id(), reason),
                "is open again");
    }
}
