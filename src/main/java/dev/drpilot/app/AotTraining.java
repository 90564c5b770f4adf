package dev.drpilot.app;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.incident.IncidentLogStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine;

/**
 * What the app image's ahead-of-time caches are trained on (packaging/aot-train.sh): the command
 * line's everyday commands in one process, or the window up to its first frame. A JDK 25 cache
 * loads every class it holds when the JVM starts, so each launcher gets a cache of its own path.
 */
public final class AotTraining {

    private AotTraining() {}

    /** @param args {@code window}, or {@code commands} with a runbook to validate and the id of a runbook to show */
    public static void main(String[] args) {
        DrPilotServices services = DrPilotServices.fromEnvironment();
        if (args.length == 1 && args[0].equals("window")) {
            int status = new DesktopWindow(services).open(null, null, new PrintWriter(System.err, true));
            System.exit(status == 0 ? 0 : 1);
        }
        if (args.length != 3 || !args[0].equals("commands")) {
            System.err.println("usage: AotTraining window | AotTraining commands RUNBOOK_FILE RUNBOOK_ID");
            System.exit(2);
        }
        makeTheLog(services.logLocation().of(null));
        for (List<String> command : List.of(
                List.of("list"), List.of("show", args[2]), List.of("incidents"), List.of("validate", args[1]))) {
            StringWriter said = new StringWriter();
            CommandLine line = DrPilotCommand.commandLineFor(services, command.get(0));
            line.setOut(new PrintWriter(said));
            line.setErr(new PrintWriter(said));
            int status = line.execute(command.toArray(String[]::new));
            if (status != 0) {
                System.err.println(
                        "aot-train: `drpilot " + String.join(" ", command) + "` failed (" + status + "): " + said);
                System.exit(1);
            }
        }
        System.exit(0);
    }

    /** `incidents` reads a log and never makes one: the training makes the empty log that a first run or the window would. */
    private static void makeTheLog(Path log) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("aot-train: cannot make the folder of " + log, e);
        }
        IncidentLogStore.open(log, Clock.systemUTC(), "aot-train").close();
    }
}
