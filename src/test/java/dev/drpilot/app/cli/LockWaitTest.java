package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.app.DrPilotCommand;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A command that has to wait for the log says, in one line, what it waits for and for how long; never an H2 trace. */
class LockWaitTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int drpilot(String... args) {
        CommandLine line = DrPilotCommand.commandLine(DrPilotServices.fromEnvironment());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    private String log() {
        return dir.resolve("log").toString();
    }

    private List<IncidentEvent> events(String incidentId) {
        try (IncidentLogStore store = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "test")) {
            return store.events(incidentId);
        }
    }

    @Test
    void aLogAKilledDriverLeftOpenIsWaitedForNamingThatProcessAndHowLong() throws Exception {
        Path runbooks = Files.createDirectories(dir.resolve("runbooks"));
        Files.writeString(runbooks.resolve("look.yaml"), """
                id: look
                title: Runbook killed while it waits
                architecture: druid
                kind: recovery
                targets: { rto: PT30M, rpo: none }
                steps:
                  - id: look
                    title: Look at the logs
                    phase: immediate
                    manual: Look at the logs.
                """);
        String incidentId;
        long pid;
        try (TerminalChild terminal =
                TerminalChild.drpilot("run", "look", "--runbooks", runbooks.toString(), "--log", log())) {
            terminal.awaitLine("   Look at the logs.");
            incidentId = terminal.output()
                    .lines()
                    .filter(l -> l.startsWith("Incident "))
                    .findFirst()
                    .orElseThrow()
                    .split(" ")[1];
            pid = terminal.pid();
        }
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        assertThat(Path.of(log() + ".lock.db"))
                .as("left open by the killed process")
                .exists();

        assertThat(drpilot("note", incidentId, "--log", log(), "back", "after", "the", "kill"))
                .as(err.toString())
                .isZero();

        assertThat(err.toString())
                .isEqualTo("The incident log " + log() + ".mv.db was left open by a DR Pilot that is gone ("
                        + System.getProperty("user.name") + " on " + hostOf(incidentId) + ", pid " + pid
                        + ", last driving " + incidentId
                        + "): waiting while the database makes sure that one is gone before it opens the log again (about 10 s)."
                        + System.lineSeparator());
        assertThat(events(incidentId).getLast().payload()).contains("back after the kill");
    }

    /** The host the killed process named in its claim, as the drivers table has it. */
    private String hostOf(String incidentId) {
        try (IncidentLogStore store = IncidentLogStore.openToRead(dir.resolve("log"), Clock.systemUTC(), "test")) {
            return store.drivers().driver(incidentId).map(d -> d.seat().host()).orElse("(no claim)");
        }
    }

    @Test
    void aWriterWaitsForAReaderInAnotherProcessSayingSoAndWritesOnceItIsGone() throws Exception {
        String incidentId;
        try (IncidentLogStore store = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            incidentId = store.declare(
                            new NewIncident(
                                    "druid-rds-corruption",
                                    "Metadata DB corrupted",
                                    IncidentMode.LIVE,
                                    null,
                                    null,
                                    null),
                            Map.of())
                    .id();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process reader = new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ReadingChild.class.getName(),
                        log())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader said =
                    new BufferedReader(new InputStreamReader(reader.getInputStream(), StandardCharsets.UTF_8));
            assertThat(said.readLine()).isEqualTo("READING 1");

            CompletableFuture<Integer> note =
                    CompletableFuture.supplyAsync(() -> drpilot("note", incidentId, "--log", log(), "pager", "fired"));
            Awaitility.await()
                    .atMost(30, TimeUnit.SECONDS)
                    .until(() -> err.toString().contains("Waiting for the incident log"));
            Writer toReader = new OutputStreamWriter(reader.getOutputStream(), StandardCharsets.UTF_8);
            toReader.write("done\n");
            toReader.flush();

            assertThat(note.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
            assertThat(said.readLine()).isEqualTo("CLOSED");
            assertThat(err.toString())
                    .isEqualTo(
                            "Waiting for the incident log " + log() + ".mv.db, which another process has open without"
                                    + " sharing it (`drpilot verify`, `incidents` or `scorecard` reading it, most likely): trying again for up to 10 s."
                                    + System.lineSeparator());
            assertThat(events(incidentId))
                    .extracting(IncidentEvent::kind)
                    .containsExactly(EventKind.INCIDENT_DECLARED, EventKind.NOTE);
        } finally {
            reader.destroyForcibly();
        }
    }
}
