package dev.drpilot.incident;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each incident's newest event (its sequence number and hash), kept in a small text file beside
 * the database ({@code <log>.head}), written after every commit: the database cannot be trusted
 * to tell its own tail, since a damaged file opens at an older state as if nothing were missing.
 *
 * <p>The file is replaced whole (a temporary file, synced, renamed over it, the folder synced),
 * under a lock shared by every process writing the log, each writer merging what is there.
 */
public final class LogHead {

    private static final String TITLE = "# DR Pilot incident log head: incident, newest event, its hash";
    private static final Map<Path, Object> WRITERS_IN_THIS_PROCESS = new ConcurrentHashMap<>();

    private final Path log;

    /** The newest event of an incident that the head file knows of. */
    public record Entry(String incidentId, long sequence, String hash) {}

    /** The head of the log at {@code log} (the database's path without its {@code .mv.db} ending). */
    public LogHead(Path log) {
        this.log = log.toAbsolutePath();
    }

    public Path file() {
        return Path.of(log + ".head");
    }

    public boolean exists() {
        return Files.exists(file());
    }

    /**
     * What the head file says, by incident; empty when there is none yet.
     *
     * @throws IncidentLogUnavailableException when the file cannot be read or a line is not an entry
     */
    public Map<String, Entry> entries() {
        if (!exists()) return Map.of();
        List<String> lines;
        try {
            lines = Files.readAllLines(file(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IncidentLogUnavailableException(
                    "Cannot read the incident log's head file " + file() + ": " + e.getMessage()
                            + "; it says how many events each incident has, so the log is not opened without it.",
                    e);
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            Entry entry = parse(line);
            if (entry == null) {
                throw new IncidentLogUnavailableException(
                        "The incident log's head file " + file() + " is damaged at line " + (i + 1)
                                + " (" + printable(line)
                                + "): it says how many events each incident has, so the log is not opened;"
                                + " `drpilot recover --log " + log
                                + " --to NEWPATH` salvages every readable event into a new log.",
                        null);
            }
            entries.put(entry.incidentId(), entry);
        }
        return Collections.unmodifiableMap(entries);
    }

    private static Entry parse(String line) {
        String[] parts = line.strip().split(" ");
        if (parts.length != 3 || !parts[2].matches("[0-9a-f]{64}")) return null;
        try {
            long sequence = Long.parseLong(parts[1]);
            return sequence > 0 ? new Entry(parts[0], sequence, parts[2]) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String printable(String line) {
        String shown = line.length() > 80 ? line.substring(0, 80) + "..." : line;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    /**
     * Records that {@code sequence} (with {@code hash}) is now the incident's newest event, once it
     * is committed: the file is on disk when this returns.
     *
     * @throws IOException when the file cannot be written (a full disk)
     */
    public void record(String incidentId, long sequence, String hash) throws IOException {
        record(List.of(new Entry(incidentId, sequence, hash)));
    }

    /** Records several incidents' newest events at once (a salvaged log). */
    public void record(List<Entry> newest) throws IOException {
        synchronized (WRITERS_IN_THIS_PROCESS.computeIfAbsent(file(), f -> new Object())) {
            try (FileChannel lockFile = FileChannel.open(
                            Path.of(log + ".head.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = lockFile.lock()) {
                Map<String, Entry> merged = new TreeMap<>(entries());
                for (Entry entry : newest)
                    merged.merge(entry.incidentId(), entry, (was, now) -> now.sequence() >= was.sequence() ? now : was);
                write(merged.values());
            }
        }
    }

    private void write(Iterable<Entry> entries) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(TITLE);
        for (Entry e : entries) lines.add(e.incidentId() + " " + e.sequence() + " " + e.hash());
        Path temporary = Path.of(log + ".head.tmp");
        try (FileChannel out = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
        Files.move(temporary, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncFolder(file().getParent());
    }

    /** Makes a rename in {@code folder} durable; a system that cannot open a folder (Windows) makes it durable itself. */
    static void syncFolder(Path folder) throws IOException {
        if (System.getProperty("os.name", "").toLowerCase().contains("win")) return;
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
