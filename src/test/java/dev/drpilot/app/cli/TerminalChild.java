package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.app.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * DR Pilot's command line in a process of its own, as an operator at another terminal: what it
 * prints is collected line by line, and the test types its answers.
 */
public final class TerminalChild implements AutoCloseable {

    private final Process process;
    private final Writer stdin;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private TerminalChild(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().name("terminal-child-out").start(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) lines.add(line);
            } catch (IOException e) {
                lines.add("(output closed: " + e.getMessage() + ")");
            }
        });
    }

    /** {@code drpilot ARGS...} in a new JVM on the test class path. */
    public static TerminalChild drpilot(String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new TerminalChild(
                new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    public long pid() {
        return process.pid();
    }

    /** Waits (a minute at most) until a printed line contains the text. */
    public void awaitLine(String text) {
        try {
            Awaitility.await()
                    .atMost(60, TimeUnit.SECONDS)
                    .until(() -> lines.stream().anyMatch(l -> l.contains(text)));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the terminal never printed '" + text + "'; it printed:\n" + output(), e);
        }
    }

    public String output() {
        return String.join("\n", lines);
    }

    /** Types a line, as the operator at that terminal would. */
    public void answer(String line) {
        try {
            stdin.write(line + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the terminal's process no longer reads: " + output(), e);
        }
    }

    /**
     * Asks the process to stop, as `kill` does: SIGTERM, not SIGKILL. Through its handle, which
     * (unlike {@link Process#destroy()}) leaves its output open to read what it says as it stops.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** Waits for the process to end and returns its exit status. */
    public int exitStatus() throws InterruptedException {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output()).isTrue();
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
