package dev.drpilot.app.cli;

import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.runbook.Durations;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "incidents",
        mixinStandardHelpOptions = true,
        description =
                "Lists the live incidents, then the rehearsals, open ones first, with their state (open, recovered, closed) and times;"
                        + " a tabletop's on its own clock (T+), as its screen shows them.")
public final class IncidentsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LogOptions log;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (IncidentLogStore store = log.openToRead()) {
            List<Incident> all = store.incidents();
            for (IncidentMode mode : IncidentMode.values()) {
                List<Incident> these =
                        all.stream().filter(i -> i.mode() == mode).toList();
                if (these.isEmpty()) continue;
                out.println(
                        mode == IncidentMode.LIVE
                                ? "Live incidents"
                                : "Rehearsals (a tabletop's times on its own clock, from the failure's start)");
                TextTable table =
                        new TextTable("ID", "STATE", "RUNBOOK", "DECLARED (UTC)", "RECOVERED IN", "DURATION", "EVENTS");
                for (Incident i : these) {
                    table.row(
                            i.id(),
                            i.state().label(),
                            i.runbookId(),
                            i.declaredAt().toString().replace('T', ' ').replaceAll("\\.\\d+Z|Z", ""),
                            i.recoveredIn() == null ? "" : Durations.human(i.recoveredIn()),
                            duration(i),
                            String.valueOf(store.events(i.id()).size()));
                }
                out.print(table);
                out.println();
            }
            if (all.isEmpty()) out.println("No incidents in " + store.file() + ".mv.db yet.");
            out.flush();
        }
        return 0;
    }

    /** As its screen reads it: an open tabletop at its exercise time (T+), standing still while nobody plays it. */
    private static String duration(Incident i) {
        String lasted = Durations.human(i.lasted(Instant.now()));
        return i.open() && i.ownClockAt() != null ? "T+" + lasted : lasted;
    }
}
