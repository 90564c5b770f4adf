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

    IncidentLogStore open() {
        Path file = log != null ? log : IncidentLogStore.defaultLocation();
        return IncidentLogStore.open(file, Clock.systemUTC(), System.getProperty("user.name", "operator"));
    }
}
