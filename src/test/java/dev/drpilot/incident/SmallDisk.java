package dev.drpilot.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A 2 MB tmpfs mounted for a test, to fill up for real (mounting needs root: the test is skipped
 * otherwise). Closing it unmounts it.
 */
public final class SmallDisk implements AutoCloseable {

    private final Path folder;

    private SmallDisk(Path folder) {
        this.folder = folder;
    }

    /** Mounts it on {@code folder} (made when missing), or skips the test where it cannot be. */
    public static SmallDisk mount(Path folder) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        String output = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", folder.toString());
        assumeTrue(output == null, "a 2 MB tmpfs cannot be mounted here (the test needs root): " + output);
        return new SmallDisk(folder);
    }

    public Path folder() {
        return folder;
    }

    /** Takes every byte the disk has left, in a file that {@link #free} deletes. */
    public void fillUp() throws IOException {
        try (var out = Files.newOutputStream(folder.resolve("filler"))) {
            byte[] block = new byte[4096];
            while (true) out.write(block);
        } catch (IOException full) {
            assertThat(Files.getFileStore(folder).getUsableSpace()).isLessThan(4096);
        }
    }

    public void free() throws IOException {
        Files.delete(folder.resolve("filler"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        assertThat(run("umount", folder.toString())).isNull();
    }

    /** Runs a command; null when it succeeded, else what it said. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS)) return String.join(" ", command) + " did not finish";
        return process.exitValue() == 0 ? null : String.join(" ", command) + ": " + output.strip();
    }
}
