package dev.drpilot.teamlog;

import dev.drpilot.incident.LogContinuation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The id of a local log in the team log: a random UUID made the first time the log is shared and
 * kept beside it in {@code <log>.laptop}, so that it stays the same for as long as the log lives
 * (the team log knows one hash chain per laptop id and incident). Two processes that make it at
 * once agree on one: the file appears whole, by a link, or not at all.
 */
public final class LaptopId {

    private LaptopId() {}

    /** The file that keeps the id of the log at {@code log} (the database's path without its {@code .mv.db} ending). */
    public static Path file(Path log) {
        return Path.of(log.toAbsolutePath() + LogContinuation.LAPTOP_ID_ENDING);
    }

    /**
     * The id kept beside the log, made now when there is none.
     *
     * @throws UncheckedIOException with one sentence when the file cannot be read or made
     */
    public static String of(Path log) {
        Path file = file(log);
        try {
            if (!Files.exists(file)) create(file);
            String id = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!id.matches("[A-Za-z0-9._-]{1,57}")) {
                throw new IOException("it holds no laptop id (letters, digits, '-', '_' or '.', at most 57)");
            }
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "The laptop id file " + file + " cannot be used (" + e.getMessage()
                            + "): remove it only if this log has never been shared.",
                    e);
        }
    }

    private static void create(Path file) throws IOException {
        Path made = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new");
        try {
            Files.writeString(made, UUID.randomUUID() + "\n", StandardCharsets.UTF_8);
            try {
                try {
                    Files.createLink(file, made);
                } catch (UnsupportedOperationException noLinks) {
                    Files.move(made, file);
                }
            } catch (FileAlreadyExistsException another) {
                // another process made it first: its id is the one
            }
        } finally {
            Files.deleteIfExists(made);
        }
    }
}
