package dev.drpilot.incident;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A damaged log file copied aside before anything else touches it, as
 * {@code <log>.damaged-<UTC time>.mv.db} (with its head file beside it): the bytes a recovery
 * needs. The same damaged file opened again is not copied twice.
 */
final class DamagedCopy {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private DamagedCopy() {}

    /** A new, unused name for a copy of {@code log}'s database (without its {@code .mv.db} ending). */
    static Path freshName(Path log, Clock clock) {
        String base = log.toAbsolutePath() + ".damaged-" + STAMP.format(clock.instant());
        Path name = Path.of(base);
        for (int n = 2; Files.exists(Path.of(name + ".mv.db")); n++) name = Path.of(base + "-" + n);
        return name;
    }

    /** Copies {@code log}'s database and head file aside, unless an identical copy is there already; returns the database's copy. */
    static Path of(Path log, Clock clock) {
        Path database = Path.of(log.toAbsolutePath() + ".mv.db");
        try {
            Path existing = identicalCopy(log, database);
            if (existing != null) return existing;
            Path copy = freshName(log, clock);
            Files.copy(database, Path.of(copy + ".mv.db"), StandardCopyOption.COPY_ATTRIBUTES);
            keepHead(log, copy);
            return Path.of(copy + ".mv.db");
        } catch (IOException e) {
            throw new IncidentLogUnavailableException(
                    "The incident log " + database + " is damaged, and copying it aside failed ("
                            + e.getMessage()
                            + "): nothing was written to it. Copy it somewhere safe by hand, then run `drpilot recover --log "
                            + log + " --to NEWPATH`.",
                    e);
        }
    }

    /** Keeps the head file beside a copy (made from a database copied for checking, then found damaged). */
    static void keepHead(Path log, Path copy) throws IOException {
        Path head = Path.of(log.toAbsolutePath() + ".head");
        if (Files.exists(head)) Files.copy(head, Path.of(copy + ".head"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path identicalCopy(Path log, Path database) throws IOException {
        Path folder = log.toAbsolutePath().getParent();
        String prefix = log.getFileName() + ".damaged-";
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(folder, prefix + "*.mv.db")) {
            for (Path copy : copies) {
                if (Files.size(copy) == Files.size(database) && Files.mismatch(copy, database) == -1L) return copy;
            }
        }
        return null;
    }
}
