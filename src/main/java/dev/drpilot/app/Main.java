package dev.drpilot.app;

import dev.drpilot.ui.DrPilotApplication;

/**
 * Starts DR Pilot: the desktop app without arguments, the command line with them. A plain class,
 * not a JavaFX Application, so the jar starts with JavaFX on the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            if (System.getenv("DRPILOT_STARTUP_PROBE") != null) {
                DrPilotApplication.whenFirstFrameShows(millis -> {
                    System.out.println("first frame " + millis + " ms after the process started");
                    System.exit(0);
                });
            }
            DrPilotApplication.start(args, EngineWiring::desktopBackend);
            return;
        }
        System.exit(DrPilotCommand.commandLine().execute(args));
    }
}
