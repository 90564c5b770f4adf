package dev.drpilot.action.process;

import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command that has no SDK in a folder, its output streamed line by line into the step as
 * it comes, the last lines kept for the result. Cancelling the step kills the whole process
 * tree; a missing tool is named with how to install it.
 */
final class ExternalCommand {

    private static final int KEPT_LINES = 40;

    /** What a finished command left: its exit status and last lines. */
    record Outcome(int exitCode, List<String> lastLines) {}

    private ExternalCommand() {}

    /**
     * @param install how to install the tool, for the message when it is missing
     */
    static Outcome run(ActionContext context, Path directory, List<String> command, String install)
            throws ActionException, InterruptedException {
        if (!Files.isDirectory(directory))
            throw ActionException.permanent(
                    "There is no folder " + directory.toAbsolutePath() + " to run " + command.get(0) + " in");
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw ActionException.permanent(
                    command.get(0) + " is not installed or not on the PATH (" + e.getMessage() + "): " + install);
        }
        context.apiCall("process", String.join(" ", command), null);
        Deque<String> last = new ArrayDeque<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    synchronized (last) {
                        last.addLast(line);
                        if (last.size() > KEPT_LINES) last.removeFirst();
                    }
                    context.progress(line, null);
                }
            } catch (IOException closed) {
                // the process was killed: its output ends here
            }
        });
        try {
            while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                if (context.cancelled()) throw new InterruptedException();
            }
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
        reader.join();
        synchronized (last) {
            return new Outcome(process.exitValue(), List.copyOf(last));
        }
    }

    /** The command's children first (cdk runs node, which runs more), then the command. */
    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    static ActionException failed(List<String> command, Outcome outcome) {
        return ActionException.permanent(String.join(" ", command) + " failed with exit status " + outcome.exitCode()
                + ":\n"
                + String.join(
                        "\n",
                        outcome.lastLines()
                                .subList(
                                        Math.max(0, outcome.lastLines().size() - 10),
                                        outcome.lastLines().size())));
    }
}
