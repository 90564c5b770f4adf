package dev.drpilot.app.cli;

import dev.drpilot.incident.FileErrors;
import dev.drpilot.incident.IncidentLogStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a command writes an export (post-mortem, scorecard): the file the operator named, or the
 * exports folder beside the log, as the window does; never over an existing file without --force.
 */
final class ExportFiles {

    private ExportFiles() {
    }

    /** The file to write, or empty after saying why not. */
    static Optional<Path> target(Path given, IncidentLogStore store, String defaultName, boolean force, PrintWriter err) {
        Path file = given != null ? given : store.file().toAbsolutePath().getParent().resolve("exports").resolve(defaultName);
        if (Files.exists(file) && !force) {
            err.println(file + " exists already: add --force to replace it, or name another file");
            return Optional.empty();
        }
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) Files.createDirectories(folder);
        } catch (IOException e) {
            err.println("cannot make the folder of " + file + " (" + FileErrors.inWords(e) + "): name a file in a folder you can write");
            return Optional.empty();
        }
        return Optional.of(file);
    }

    /** Why {@code file} was not written, in one sentence. */
    static String cannotWrite(Path file, IOException e) {
        return "cannot write " + file + " (" + FileErrors.inWords(e) + "): name a file in a folder you can write";
    }
}
