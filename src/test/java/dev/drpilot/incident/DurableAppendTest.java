package dev.drpilot.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event is acknowledged only once it is on disk: the system calls of a process that appends,
 * traced with strace, show the log's database synced, then its head file written, synced and
 * renamed into place and its folder synced, before each "ACK n" reaches the terminal.
 */
class DurableAppendTest {

    private static final Pattern CALL = Pattern.compile("^(\\d+) +(\\w+)\\((.*)\\) += (-?\\d+)");
    private static final Pattern ACK = Pattern.compile("^1, \"ACK (\\d+)\\\\n\"");

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgementFollowsAnFsyncOfTheDatabaseAndOfTheHeadFile() throws Exception {
        assumeTrue(onPath("strace"), "strace is not installed (apt-get install strace)");
        Path log = dir.resolve("log");
        Path trace = dir.resolve("trace.txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(
                        "strace",
                        "-f",
                        "-qq",
                        "-s",
                        "256",
                        "-o",
                        trace.toString(),
                        "-e",
                        "trace=openat,close,fsync,fdatasync,write,rename,renameat,renameat2",
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        AppendingChild.class.getName(),
                        log.toString(),
                        "6")
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assumeTrue(child.exitValue() == 0 || !output.contains("ptrace"), "strace cannot trace here: " + output);
        assertThat(output).contains("ACK 6", "DONE");

        List<String> acknowledged = acknowledgements(Files.readAllLines(trace), log);

        assertThat(acknowledged)
                .containsExactly(
                        "ACK 1 after: fsync database, fsync head file, rename head file, fsync folder",
                        "ACK 2 after: fsync database, fsync head file, rename head file, fsync folder",
                        "ACK 3 after: fsync database, fsync head file, rename head file, fsync folder",
                        "ACK 4 after: fsync database, fsync head file, rename head file, fsync folder",
                        "ACK 5 after: fsync database, fsync head file, rename head file, fsync folder",
                        "ACK 6 after: fsync database, fsync head file, rename head file, fsync folder");
    }

    /** For each "ACK n" written to standard output, what the process did to the log's files since the one before, in order. */
    private static List<String> acknowledgements(List<String> trace, Path log) {
        Map<String, String> unfinished = new HashMap<>();
        Map<String, String> files = new HashMap<>();
        Set<String> since = new LinkedHashSet<>();
        List<String> acknowledged = new ArrayList<>();
        for (String raw : trace) {
            String line = whole(raw, unfinished);
            if (line == null) continue;
            Matcher call = CALL.matcher(line);
            if (!call.find() || Long.parseLong(call.group(4)) < 0) continue;
            String name = call.group(2);
            String arguments = call.group(3);
            String result = call.group(4);
            switch (name) {
                case "openat" -> {
                    String path = arguments.replaceFirst("^AT_FDCWD, \"([^\"]*)\".*", "$1");
                    if (path.equals(log + ".mv.db")) files.put(result, "database");
                    else if (path.equals(log + ".head.tmp")) files.put(result, "head file");
                    else if (path.equals(log.getParent().toString())) files.put(result, "folder");
                    else files.remove(result);
                }
                case "close" -> files.remove(arguments);
                case "fsync", "fdatasync" -> {
                    if (files.containsKey(arguments)) since.add("fsync " + files.get(arguments));
                }
                case "rename", "renameat", "renameat2" -> {
                    if (arguments.contains("\"" + log + ".head.tmp\"") && arguments.contains("\"" + log + ".head\""))
                        since.add("rename head file");
                }
                case "write" -> {
                    Matcher ack = ACK.matcher(arguments);
                    if (ack.find()) {
                        acknowledged.add("ACK " + ack.group(1) + " after: " + String.join(", ", since));
                        since.clear();
                    }
                }
                default -> {}
            }
        }
        return acknowledged;
    }

    /** strace splits a call that another thread interrupts into "<unfinished ...>" and "<... NAME resumed>": joins them. */
    private static String whole(String line, Map<String, String> unfinished) {
        String pid = line.split(" ", 2)[0];
        if (line.endsWith("<unfinished ...>")) {
            unfinished.put(
                    pid,
                    line.substring(0, line.length() - "<unfinished ...>".length())
                            .stripTrailing());
            return null;
        }
        Matcher resumed =
                Pattern.compile("^\\d+ +<\\.\\.\\. \\w+ resumed>(.*)$").matcher(line);
        if (resumed.find()) {
            String start = unfinished.remove(pid);
            return start == null ? null : start + resumed.group(1);
        }
        return line;
    }

    private static boolean onPath(String command) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(folder, command))) return true;
        }
        return false;
    }
}
