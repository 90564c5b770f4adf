package dev.drpilot.app;

import dev.drpilot.incident.FileErrors;
import dev.drpilot.incident.IncidentLogStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The one handler for a failure nobody planned for: the operator reads one sentence that says
 * where the details are; the whole trace goes to {@code errors.log} in the per-user data folder,
 * for the bug report.
 */
final class UnexpectedErrors {

    private final Path file;

    UnexpectedErrors(Path file) {
        this.file = file;
    }

    /** Writing to errors.log beside the default incident log, in the per-user data folder. */
    static UnexpectedErrors inDataFolder() {
        return new UnexpectedErrors(IncidentLogStore.defaultLocation().resolveSibling("errors.log"));
    }

    /**
     * Keeps the trace of {@code error} and tells the operator in one line.
     *
     * @param doing what DR Pilot was doing, as in "while running `drpilot export`"
     * @return the exit status, 1
     */
    int report(Throwable error, String doing, PrintWriter err) {
        String what = "DR Pilot stopped on an unexpected error while " + doing + summary(error);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(
                    file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
                log.println(Instant.now() + " while " + doing + ":");
                error.printStackTrace(log);
            }
            err.println(what + ": the details are in " + file + "; please send them with your bug report.");
        } catch (IOException e) {
            err.println(what + "; its details could not be written to " + file + " (" + FileErrors.inWords(e) + ").");
        }
        err.flush();
        return 1;
    }

    /** The first line of the error's own words, in brackets; nothing when it has none (its name is for the bug report). */
    private static String summary(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank()
                ? ""
                : " (" + message.lines().findFirst().orElse(message).strip() + ")";
    }
}
