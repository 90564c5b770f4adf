package dev.drpilot.app.cli;

import dev.drpilot.incident.IncidentLogStore;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** The incident log option shared by the commands that read or write incidents. */
final class LogOptions {

    @Option(names = "--log", paramLabel = "PATH",
            description = "Incident log database, without its .mv.db ending (default: the per-user data folder).")
    Path log;

    /** The incident, or empty after telling the operator how to find the ids. */
    static java.util.Optional<dev.drpilot.incident.Incident> find(IncidentLogStore store, String id, java.io.PrintWriter err) {
        var incident = store.incident(id);
        if (incident.isEmpty()) err.println("no incident '" + id + "' in the log; `drpilot incidents` lists them");
        return incident;
    }

    IncidentLogStore open() {
        Path file = log != null ? log : IncidentLogStore.defaultLocation();
        return IncidentLogStore.open(file, Clock.systemUTC(), System.getProperty("user.name", "operator"));
    }
}
