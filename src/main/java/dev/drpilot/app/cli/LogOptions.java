package dev.drpilot.app.cli;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.app.wiring.LogLocation;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentLogUnavailableException;
import dev.drpilot.incident.LogDamage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The incident log option shared by the commands that read or write incidents. */
final class LogOptions {

    private final LogLocation location;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--log",
            paramLabel = "PATH",
            description =
                    "Incident log database, without its .mv.db ending (default: $DRPILOT_LOG, else the per-user data folder).")
    Path log;

    LogOptions(DrPilotServices services) {
        this.location = services.logLocation();
    }

    /** The incident, or empty after telling the operator how to find the ids. */
    static Optional<Incident> find(IncidentLogStore store, String id, PrintWriter err) {
        var incident = store.incident(id);
        if (incident.isEmpty()) err.println("no incident '" + id + "' in the log; `drpilot incidents` lists them");
        return incident;
    }

    /** Where the log is: --log, else DRPILOT_LOG, else the per-user data folder. */
    Path path() {
        return location.of(log);
    }

    /**
     * Opens a log that must already exist, for the commands that read incidents or add to one: a
     * mistyped --log (or DRPILOT_LOG) is said, never answered by a new empty log made there (a log
     * whose database is gone but whose head file remains is opened, so that its loss is said). The
     * per-user default is made on first use, as the window makes it.
     */
    IncidentLogStore openExisting() {
        if (!location.named(log)) return open();
        Path database = path().toAbsolutePath().resolveSibling(path().getFileName() + ".mv.db");
        Path head = path().toAbsolutePath().resolveSibling(path().getFileName() + ".head");
        if (!Files.exists(database) && !Files.exists(head)) {
            throw new IncidentLogUnavailableException(
                    "There is no incident log at " + database + ": check --log or " + LogLocation.SETTING
                            + " (`drpilot run` or the window makes a new one).",
                    null);
        }
        return open();
    }

    /**
     * Opens a log that must already exist, for the commands that only read it (verify, incidents,
     * scorecard): nothing is made, migrated or written, so its file keeps every byte; a damaged
     * one is said first, as {@link #open()} says it.
     */
    IncidentLogStore openToRead() {
        IncidentLogStore store =
                IncidentLogStore.openToRead(path(), Clock.systemUTC(), System.getProperty("user.name", "operator"));
        store.damage().map(LogDamage::sentence).ifPresent(command.commandLine().getErr()::println);
        return store;
    }

    /** Opens the log; a damaged one opens read-only, and the operator is told what it lost first. */
    IncidentLogStore open() {
        PrintWriter err = command.commandLine().getErr();
        IncidentLogStore store =
                IncidentLogStore.open(path(), Clock.systemUTC(), System.getProperty("user.name", "operator"), wait -> {
                    err.println(wait);
                    err.flush();
                });
        store.damage().map(LogDamage::sentence).ifPresent(command.commandLine().getErr()::println);
        return store;
    }
}
