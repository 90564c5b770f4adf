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
 * What the app image's ahead-of-time cache is trained on (packaging/aot-train.sh): the command
 * line's everyday commands, in one process, then the window up to its first frame. One JVM
 * makes one cache, and the launcher names one, so both paths are trained together.
 */
public final class AotTraining {

    private AotTraining() {}

    /** @param args a runbook to validate, and the id of a runbook to show */
    public static void main(String[] args) {
        DrPilotServices services = DrPilotServices.fromEnvironment();
        makeTheLog(services.logLocation().of(null));
        for (List<String> command : List.of(
                List.of("list"), List.of("show", args[1]), List.of("incidents"), List.of("validate", args[0]))) {
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
        int status = new DesktopWindow(services).open(null, null, new PrintWriter(System.err, true));
        System.exit(status == 0 ? 0 : 1);
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
