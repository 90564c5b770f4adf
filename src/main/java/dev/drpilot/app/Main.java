package dev.drpilot.app;

import dev.drpilot.app.wiring.DrPilotServices;
import java.io.PrintWriter;

/**
 * Starts DR Pilot: the desktop app without arguments, the command line with them. A plain class,
 * not a JavaFX Application, so the jar starts with JavaFX on the class path. The jar's entry point
 * is {@link Launcher}, which checks the Java version first. The services are built here, once, and
 * handed to the window or the command line.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        DrPilotServices services = DrPilotServices.fromEnvironment();
        if (args.length > 0)
            System.exit(DrPilotCommand.commandLineFor(services, args).execute(args));
        PrintWriter err = new PrintWriter(System.err, true);
        JavaFxClassPathNotice.quiet();
        int status;
        try {
            status = new DesktopWindow(services).open(null, null, err);
        } catch (RuntimeException | Error e) {
            status = UnexpectedErrors.inDataFolder().report(e, "opening the window", err);
        }
        if (status != 0) System.exit(status);
    }
}
