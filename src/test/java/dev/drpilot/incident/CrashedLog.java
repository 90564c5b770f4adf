package dev.drpilot.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real log file as a crash leaves it, for the tests that damage it: an older incident of 3
 * events (its process closed the log), then a newer one of 13 events whose process stopped dead
 * after its last acknowledgement. The newer incident's 13th event is in the file's newest chunk.
 *
 * @param log the log's path, without its .mv.db ending
 */
public record CrashedLog(Path log, String older, String newest) {

    /** Runs the two processes that write it in {@code folder}. */
    public static CrashedLog in(Path folder) throws Exception {
        Path log = folder.resolve("log");
        String older = child(log, 3, "close");
        String newest = child(log, 13, "crash");
        return new CrashedLog(log, older, newest);
    }

    private static String child(Path log, int events, String ending) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        AppendingChild.class.getName(),
                        log.toString(),
                        Integer.toString(events),
                        ending)
                .redirectErrorStream(true)
                .start();
        String incident = null;
        List<String> output = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                output.add(line);
                if (line.startsWith("INCIDENT ")) incident = line.substring("INCIDENT ".length());
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("the child's output").contains("ACK " + events, "DONE");
        return incident;
    }

    /** The same log's files (database, head file, H2's lock file) in another folder. */
    public CrashedLog copyTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(log.getParent(), log.getFileName() + ".*")) {
            for (Path file : files) Files.copy(file, folder.resolve(file.getFileName()));
        }
        return new CrashedLog(folder.resolve(log.getFileName()), older, newest);
    }

    public Path database() {
        return Path.of(log + ".mv.db");
    }

    public byte[] bytes() throws IOException {
        return Files.readAllBytes(database());
    }

    /** Every file beside the log, by name. */
    public List<String> files() throws IOException {
        try (var files = Files.list(log.getParent())) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    public void zeroNewestChunk() throws IOException {
        try (FileChannel file = open()) {
            MvStoreChunks.erase(file, newestChunk(file));
        }
    }

    public void truncateAtNewestChunk() throws IOException {
        try (FileChannel file = open()) {
            file.truncate(newestChunk(file).block() * MvStoreChunks.BLOCK);
        }
    }

    /** Zeroes both store headers, which say where the newest chunk is. */
    public void zeroHeaders() throws IOException {
        try (FileChannel file = open()) {
            file.write(ByteBuffer.allocate(2 * MvStoreChunks.BLOCK), 0);
        }
    }

    /** Flips the lowest bit of the last character of {@code text} where the file holds it last (in its newest state): a bit gone bad. */
    public void flip(String text) throws IOException {
        byte[] bytes = bytes();
        int at = new String(bytes, StandardCharsets.ISO_8859_1).lastIndexOf(text);
        assertThat(at).as(text + " in " + database()).isNotNegative();
        bytes[at + text.length() - 1] ^= 1;
        Files.write(database(), bytes);
    }

    /** The hash that the head file holds for an incident's newest event. */
    public String headHash(String incidentId) throws IOException {
        return Files.readAllLines(Path.of(log + ".head")).stream()
                .filter(l -> l.startsWith(incidentId + " "))
                .map(l -> l.split(" ")[2])
                .findFirst()
                .orElseThrow();
    }

    public void empty() throws IOException {
        try (FileChannel file = open()) {
            file.truncate(0);
        }
    }

    private FileChannel open() throws IOException {
        return FileChannel.open(database(), StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private static MvStoreChunks.Chunk newestChunk(FileChannel file) throws IOException {
        return MvStoreChunks.scan(file).getFirst();
    }
}
