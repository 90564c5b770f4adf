package dev.drpilot.app;

import dev.drpilot.ui.DrPilotApplication;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** Opens the desktop app's window, on the log the operator named or else the usual one, or says in one sentence why it cannot. */
final class DesktopWindow {

    private DesktopWindow() {
    }

    /**
     * Shows the window until it is closed.
     *
     * @param log the incident log given with --log, or null
     * @return the exit status: 0 once the window is closed, 1 when there is no display to show it on
     */
    static int open(Path log, PrintWriter err) {
        if (!hasDisplay()) {
            err.println("no display: use the command line (`drpilot --help` lists its commands), or set DISPLAY");
            err.flush();
            return 1;
        }
        if (System.getenv("DRPILOT_STARTUP_PROBE") != null) {
            DrPilotApplication.whenFirstFrameShows(millis -> {
                System.out.println("first frame " + millis + " ms after the process started");
                System.exit(0);
            });
        }
        DrPilotApplication.start(new String[0], settings -> EngineWiring.desktopBackend(settings, log));
        return 0;
    }

    /** Windows and macOS always have one; elsewhere X11 or Wayland must be named, unless JavaFX draws off screen (Monocle). */
    private static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || "Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))) return true;
        return isSet("DISPLAY") || isSet("WAYLAND_DISPLAY");
    }

    private static boolean isSet(String variable) {
        String value = System.getenv(variable);
        return value != null && !value.isBlank();
    }
}
