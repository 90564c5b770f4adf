package dev.drpilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** What a person reads when DR Pilot cannot do what was asked: one sentence, never a Java trace, and a non-zero exit. */
class OneSentenceFailuresTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** What a process printed (standard output and error together) and how it ended. */
    private record Ended(int status, String printed) {}

    /** The command in this JVM, its unexpected failures kept in dir/errors.log. */
    private int drpilot(String... args) {
        CommandLine line = DrPilotCommand.commandLine(
                DrPilotServices.fromEnvironment(), new UnexpectedErrors(dir.resolve("errors.log")));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    /** The jar's entry point in its own process, with {@code java}, no display and nothing of the operator's settings. */
    private Ended child(String java, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                System.getProperty("drpilot.mainClass", Launcher.class.getName())));
        command.addAll(List.of(args));
        Path printed = Files.createTempFile(dir, "printed", ".txt");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(printed.toFile());
        builder.environment()
                .keySet()
                .removeIf(k -> k.equals("DISPLAY") || k.equals("WAYLAND_DISPLAY") || k.startsWith("DRPILOT_"));
        builder.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Ended(process.exitValue(), Files.readString(printed));
    }

    private static String thisJava() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static void assertOneSentence(String printed) {
        assertThat(printed.strip().lines()).as(printed).hasSize(1);
        assertThat(printed).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aLogInAFolderThatCannotBeMadeSaysSoInOneSentence() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("notes.txt"), "a file where the log's folder should be");
        Path log = notAFolder.resolve("drpilot").resolve("incidents");

        Ended ended =
                child(thisJava(), "run", "druid-pod-failure", "-p", "pod=druid-historical-2", "--log", log.toString());

        assertThat(ended.status()).isEqualTo(1);
        assertOneSentence(ended.printed());
        assertThat(ended.printed())
                .startsWith("Cannot open the incident log " + log + ".mv.db: its folder " + log.getParent()
                        + " cannot be made")
                .contains("--log PATH")
                .doesNotContain("another DR Pilot");
    }

    @Test
    void anExportThatCannotBeWrittenSaysSoInOneSentence() throws Exception {
        String id;
        try (IncidentLogStore store = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            Incident incident = store.declare(
                    new NewIncident("recovery-checklist", "Recovery checklist", IncidentMode.LIVE, null, null, null),
                    Map.of());
            id = incident.id();
        }
        Path notAFolder = Files.writeString(dir.resolve("notes.txt"), "a file where a folder should be");
        Path aFolder = Files.createDirectories(dir.resolve("postmortem.md"));

        assertThat(drpilot(
                        "export",
                        id,
                        "--log",
                        dir.resolve("log").toString(),
                        "--format",
                        "md",
                        "--out",
                        notAFolder.resolve("pm.md").toString()))
                .isEqualTo(1);
        assertThat(drpilot(
                        "export",
                        id,
                        "--log",
                        dir.resolve("log").toString(),
                        "--format",
                        "md",
                        "--out",
                        aFolder.toString(),
                        "--force"))
                .isEqualTo(1);

        List<String> said = err.toString().lines().toList();
        assertThat(said).hasSize(2);
        assertThat(said.get(0))
                .startsWith("cannot make the folder of " + notAFolder.resolve("pm.md"))
                .endsWith("name a file in a folder you can write");
        assertThat(said.get(1))
                .startsWith("cannot write " + aFolder + " (")
                .endsWith("name a file in a folder you can write");
        assertThat(err.toString()).doesNotContain("Exception");
    }

    @Test
    void verifyOnAFileThatIsNotATimelineSaysWhyInOneSentence() throws Exception {
        Path markdown = Files.writeString(dir.resolve("postmortem.md"), "# Post-mortem\n\n| # | time | event |\n");
        Path otherJson = Files.writeString(dir.resolve("settings.json"), "{\"region\": \"us-west-2\"}");
        Path truncated = Files.writeString(
                dir.resolve("timeline.json"),
                "{\"schemaVersion\":1,\"incident\":{\"id\":\"INC-20261124-2306-07ad\"},\"events\":[{\"sequence\":1,\"time\":\"2026-11-24T23:0");
        Path missing = dir.resolve("nowhere.json");

        for (Path file : List.of(markdown, otherJson, truncated, missing)) {
            StringWriter said = new StringWriter();
            CommandLine line = DrPilotCommand.commandLine(
                    DrPilotServices.fromEnvironment(), new UnexpectedErrors(dir.resolve("errors.log")));
            line.setErr(new PrintWriter(said, true));

            assertThat(line.execute("verify", "--file", file.toString()))
                    .as(file.toString())
                    .isEqualTo(1);
            assertOneSentence(said.toString());
            err.write(said.toString());
        }
        List<String> said = err.toString().lines().toList();
        assertThat(said.get(0)).startsWith(markdown + " is not a DR Pilot timeline: it is not JSON");
        assertThat(said.get(1)).startsWith(otherJson + " is not a DR Pilot timeline: it has no events list");
        assertThat(said.get(2)).startsWith(truncated + " is not a DR Pilot timeline: its JSON breaks off at line 1");
        assertThat(said.get(3)).isEqualTo("cannot read " + missing + ": no such file or folder");
        assertThat(Files.exists(dir.resolve("errors.log")))
                .as("nothing unexpected")
                .isFalse();
    }

    @Test
    void withoutADisplayTheWindowSaysToUseTheCommandLine() throws Exception {
        Ended ended = child(thisJava());

        assertThat(ended.status()).isEqualTo(1);
        assertOneSentence(ended.printed());
        assertThat(ended.printed().strip())
                .isEqualTo("no display: use the command line (`drpilot --help` lists its commands), or set DISPLAY");
    }

    @Test
    void theWindowTakesTheLogToOpenOn() throws Exception {
        Ended ended = child(thisJava(), "--log", dir.resolve("log").toString());

        assertThat(ended.status()).isEqualTo(1);
        assertOneSentence(ended.printed());
        assertThat(ended.printed()).startsWith("no display:").doesNotContain("Unknown");
    }

    @Test
    void aJavaOlderThan25IsToldWhichJavaToUse() throws Exception {
        Optional<Path> older = olderJava();
        Assumptions.assumeTrue(
                older.isPresent(), "no Java older than 25 installed to start the jar's entry point with");

        Ended ended = child(older.get().toString(), "list");

        assertThat(ended.status()).isEqualTo(1);
        assertOneSentence(ended.printed());
        assertThat(ended.printed())
                .startsWith("DR Pilot needs Java 25 or newer; this is Java ")
                .contains("set JAVA_HOME to a JDK 25")
                .doesNotContain("UnsupportedClassVersionError");
    }

    @Test
    void onJava25TheJarsEntryPointStartsDrPilot() throws Exception {
        Ended ended = child(thisJava(), "--version");

        assertThat(ended.status()).isZero();
        assertThat(ended.printed().strip()).isEqualTo("DR Pilot 0.1");
    }

    /** Fails the way a bug would: the JDK's own exception, thrown from inside a command. */
    @Command(name = "buggy")
    static final class Buggy implements Callable<Integer> {
        @Override
        public Integer call() {
            return List.<Integer>of().getFirst();
        }
    }

    @Test
    void anUnexpectedFailureIsOneSentenceOnScreenAndItsTraceInTheErrorsLog() throws Exception {
        Path errors = dir.resolve("data").resolve("errors.log");
        CommandLine line = DrPilotCommand.commandLine(DrPilotServices.fromEnvironment(), new UnexpectedErrors(errors))
                .addSubcommand(new Buggy());
        line.setErr(new PrintWriter(err, true));

        assertThat(line.execute("buggy")).isEqualTo(1);

        assertOneSentence(err.toString());
        assertThat(err.toString())
                .startsWith("DR Pilot stopped on an unexpected error while running `drpilot buggy`")
                .contains("the details are in " + errors);
        assertThat(Files.readString(errors))
                .contains("while running `drpilot buggy`")
                .contains("java.util.NoSuchElementException")
                .contains("\tat " + Buggy.class.getName() + ".call");
    }

    /** A Java older than 25 installed beside this one (on Debian the default java is 17), if any. */
    private static Optional<Path> olderJava() throws IOException {
        for (Path jvms : List.of(Path.of("/usr/lib/jvm"), Path.of("/Library/Java/JavaVirtualMachines"))) {
            if (!Files.isDirectory(jvms)) continue;
            try (Stream<Path> homes = Files.list(jvms)) {
                Optional<Path> older = homes.flatMap(home -> Stream.of(home, home.resolve("Contents/Home")))
                        .filter(home -> Files.isExecutable(home.resolve("bin/java"))
                                && featureRelease(home.resolve("release")) < 25)
                        .map(home -> home.resolve("bin/java"))
                        .findFirst();
                if (older.isPresent()) return older;
            }
        }
        return Optional.empty();
    }

    /** The feature release a JDK's release file names (JAVA_VERSION="17.0.15" is 17, "1.8.0_402" is 8); unknown is the highest. */
    private static int featureRelease(Path release) {
        try {
            for (String line : Files.readAllLines(release)) {
                if (!line.startsWith("JAVA_VERSION=")) continue;
                String[] parts = line.substring("JAVA_VERSION=".length())
                        .replace("\"", "")
                        .split("[._]");
                return Integer.parseInt(parts[0].equals("1") ? parts[1] : parts[0]);
            }
        } catch (IOException | RuntimeException e) {
            return Integer.MAX_VALUE;
        }
        return Integer.MAX_VALUE;
    }
}
