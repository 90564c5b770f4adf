package dev.drpilot.app.cli;

import dev.drpilot.incident.EventData;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "resolve",
        mixinStandardHelpOptions = true,
        description = {
            "Says the service is back: the incident's RTO clock stops and the achieved RTO is fixed.",
            "A recovery runbook does it by itself when its last immediate or recovery step is done."
        })
public final class ResolveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LogOptions log;

    @Parameters(paramLabel = "INCIDENT")
    String incidentId;

    @Option(
            names = "--note",
            paramLabel = "TEXT",
            description = "What shows it is back (\"health checks green since 10:42\").")
    String note;

    @Override
    public Integer call() {
        return IncidentStateChange.apply(
                log,
                incidentId,
                spec.commandLine().getOut(),
                spec.commandLine().getErr(),
                (store, incident) -> {
                    return store.life()
                            .recovered(
                                    incident.id(),
                                    new EventData.Recovered(
                                            System.getProperty("user.name", "operator"),
                                            note == null || note.isBlank() ? null : note));
                },
                "is recovered: its RTO clock stopped");
    }
}
