package dev.drpilot.incident;

import java.nio.file.Path;

/** The per-user data folder of this OS: where the log lives unless the operator says otherwise. */
final class DataFolder {

    static Path incidentLog() {
        String os = System.getProperty("os.name", "").toLowerCase();
        Path home = Path.of(System.getProperty("user.home"));
        Path folder;
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            folder = (appData != null ? Path.of(appData) : home.resolve("AppData/Roaming")).resolve("DR Pilot");
        } else if (os.contains("mac")) {
            folder = home.resolve("Library/Application Support/DR Pilot");
        } else {
            String xdg = System.getenv("XDG_DATA_HOME");
            folder = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("drpilot");
        }
        return folder.resolve("incidents");
    }

    private DataFolder() {}
}
