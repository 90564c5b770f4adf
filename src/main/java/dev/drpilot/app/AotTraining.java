package dev.drpilot.app;

import dev.drpilot.app.wiring.DrPilotServices;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * What the app image's ahead-of-time cache is trained on (packaging/aot-train.sh): the command
 * line's everyday commands, in one process, then the window up to its first frame. One JVM
 * makes one cache, and the launcher names one, so both paths are trained together.
 */
public final class AotTraining {

    private AotTraining() {
    }

    /** @param args a runbook to validate, and the id of a runbook to show */
    public static void main(String[] args) {
        DrPilotServices services = DrPilotServices.fromEnvironment();
        for (List<String> command : List.of(List.of("list"), List.of("show", args[1]), List.of("incidents"), List.of("validate", args[0]))) {
            StringWriter said = new StringWriter();
            CommandLine line = DrPilotCommand.commandLineFor(services, command.get(0));
            line.setOut(new PrintWriter(said));
            line.setErr(new PrintWriter(said));
            int status = line.execute(command.toArray(String[]::new));
            if (status != 0) {
                System.err.println("aot-train: `drpilot " + String.join(" ", command) + "` failed (" + status + "): " + said);
                System.exit(1);
            }
        }
        int status = new DesktopWindow(services).open(null, null, new PrintWriter(System.err, true));
        System.exit(status == 0 ? 0 : 1);
    }
}
