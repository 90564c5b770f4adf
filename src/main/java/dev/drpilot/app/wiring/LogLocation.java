package dev.drpilot.app.wiring;

import dev.drpilot.incident.IncidentLogStore;
import java.nio.file.Path;

/**
 * Where the incident log is, for the window and every command: the log the command line names
 * (--log), else the window's own setting, else DRPILOT_LOG, else the per-user data folder.
 */
public final class LogLocation {

    /** The setting that moves the log for every command and the window, as an environment variable. */
    public static final String SETTING = "DRPILOT_LOG";

    private final Path setting;

    /** @param setting the value of DRPILOT_LOG, or null (a blank value counts as none) */
    public LogLocation(String setting) {
        this.setting = setting == null || setting.isBlank() ? null : Path.of(setting);
    }

    /** The rule on this process's DRPILOT_LOG. */
    public static LogLocation fromEnvironment() {
        return new LogLocation(System.getenv(SETTING));
    }

    /** @param commandLine the log --log names, or null */
    public Path of(Path commandLine) {
        return of(commandLine, "");
    }

    /**
     * @param commandLine   the log --log names, or null
     * @param windowSetting the log the window's settings name, or empty
     */
    public Path of(Path commandLine, String windowSetting) {
        if (commandLine != null) return commandLine;
        if (!windowSetting.isBlank()) return Path.of(windowSetting);
        return setting != null ? setting : IncidentLogStore.defaultLocation();
    }

    /** Whether the operator named the log (with --log or DRPILOT_LOG), rather than leaving it to the per-user default. */
    public boolean named(Path commandLine) {
        return commandLine != null || setting != null;
    }
}
