package dev.drpilot.app.cli;

import dev.drpilot.incident.IncidentLogStore;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** The incident log option shared by the commands that read or write incidents. */
final class LogOptions {

    /** The setting that moves the log for every command (and the app), as an environment variable. */
    static final String LOG_SETTING = "DRPILOT_LOG";

    @Option(names = "--log", paramLabel = "PATH",
            description = "Incident log database, without its .mv.db ending (default: $DRPILOT_LOG, else the per-user data folder).")
    Path log;

    /** The incident, or empty after telling the operator how to find the ids. */
    static java.util.Optional<dev.drpilot.incident.Incident> find(IncidentLogStore store, String id, java.io.PrintWriter err) {
        var incident = store.incident(id);
        if (incident.isEmpty()) err.println("no incident '" + id + "' in the log; `drpilot incidents` lists them");
        return incident;
    }

    IncidentLogStore open() {
        String setting = System.getenv(LOG_SETTING);
        Path file = log != null ? log : setting != null && !setting.isBlank() ? Path.of(setting) : IncidentLogStore.defaultLocation();
        return IncidentLogStore.open(file, Clock.systemUTC(), System.getProperty("user.name", "operator"));
    }
}
