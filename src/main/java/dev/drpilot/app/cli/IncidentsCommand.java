package dev.drpilot.app.cli;

import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.runbook.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "incidents", mixinStandardHelpOptions = true,
        description = "Lists the incidents in the log, open ones first, with their state and duration.")
public final class IncidentsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LogOptions log = new LogOptions();

    @Override
    public Integer call() {
        try (IncidentLogStore store = log.open()) {
            TextTable table = new TextTable("ID", "STATE", "MODE", "RUNBOOK", "DECLARED (UTC)", "DURATION", "EVENTS");
            for (Incident i : store.incidents()) {
                Instant end = i.closedAt() != null ? i.closedAt() : Instant.now();
                table.row(i.id(), i.open() ? "open" : "closed", i.mode().name().toLowerCase(), i.runbookId(),
                        i.declaredAt().toString().replace('T', ' ').replaceAll("\\.\\d+Z|Z", ""),
                        Durations.human(Duration.between(i.startedAt(), end)), String.valueOf(store.events(i.id()).size()));
            }
            spec.commandLine().getOut().print(table);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
