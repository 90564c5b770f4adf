package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.drpilot.app.DrPilotCommand;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * SIGTERM (what `kill` and a closing terminal send) while `drpilot run` or `resume` is in the
 * middle of a step, in a process of its own: the step is logged as interrupted, the log is closed
 * cleanly with its chain whole, the operator reads how to go on, and a resume offers the step again.
 */
class StoppedTerminalTest {

    private static final Pattern INCIDENT = Pattern.compile("INC-\\d{8}-\\d{4}-[0-9a-f]{4}");

    @TempDir
    Path dir;

    private Path runbooks(String steps) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("runbooks"));
        Files.writeString(folder.resolve("stopped.yaml"), """
                id: stopped
                title: Runbook stopped in the middle
                architecture: druid
                kind: recovery
                targets: { rto: PT30M, rpo: none }
                steps:
                """ + steps);
        return folder;
    }

    private String log() {
        return dir.resolve("log").toString();
    }

    private static String incidentIn(String output) {
        Matcher matcher = INCIDENT.matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return matcher.group();
    }

    /** The process's whole output (its stderr too) is sentences: no exception, no stack frame. */
    private static void noTrace(String output) {
        assertThat(output).doesNotContain("Exception").doesNotContain("at dev.").doesNotContain("at org.h2");
    }

    private List<IncidentEvent> events(String incidentId) {
        try (IncidentLogStore store = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "test")) {
            return store.events(incidentId);
        }
    }

    private String verify(String incidentId) {
        StringWriter out = new StringWriter();
        CommandLine line = DrPilotCommand.commandLine(DrPilotServices.fromEnvironment());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(out, true));
        assertThat(line.execute("verify", incidentId, "--log", log()))
                .as(out.toString())
                .isZero();
        return out.toString();
    }

    @Test
    void aManualStepWaitingForTheOperatorIsInterruptedLoggedAndOfferedAgainByResume() throws Exception {
        Path folder = runbooks("""
                  - id: look
                    title: Look at the coordinator's logs
                    phase: immediate
                    manual: Look at the coordinator's logs.
                """);
        String incidentId;
        try (TerminalChild terminal =
                TerminalChild.drpilot("run", "stopped", "--runbooks", folder.toString(), "--log", log())) {
            terminal.awaitLine("   Look at the coordinator's logs.");
            incidentId = incidentIn(terminal.output());
            terminal.terminate();
            assertThat(terminal.exitStatus()).isEqualTo(143);
            assertThat(terminal.output())
                    .contains(
                            "Stopped (SIGTERM): the step 'Look at the coordinator's logs' is marked interrupted",
                            "continue with: drpilot resume " + incidentId);
            noTrace(terminal.output());
        }
        assertThat(Path.of(log() + ".lock.db"))
                .as("closed cleanly, its lock let go")
                .doesNotExist();
        IncidentEvent last = events(incidentId).getLast();
        assertThat(last.kind()).isEqualTo(EventKind.STEP_INTERRUPTED);
        assertThat(last.stepId()).isEqualTo("look");
        assertThat(last.payload()).contains("the operator stopped DR Pilot (SIGTERM) while this step waited for you");
        assertThat(verify(incidentId)).contains(incidentId + ": intact");

        try (TerminalChild resumed =
                TerminalChild.drpilot("resume", incidentId, "--runbooks", folder.toString(), "--log", log())) {
            resumed.awaitLine("Interrupted: Look at the coordinator's logs - the operator stopped DR Pilot (SIGTERM)");
            resumed.awaitLine("   Interrupted: the operator stopped DR Pilot (SIGTERM)");
            resumed.answer("r");
            resumed.awaitLine("   Look at the coordinator's logs.");
            resumed.answer("looked");
            resumed.awaitLine("All steps done.");
            assertThat(resumed.exitStatus()).isZero();
        }
        assertThat(events(incidentId))
                .extracting(IncidentEvent::kind)
                .containsSubsequence(
                        EventKind.STEP_INTERRUPTED,
                        EventKind.INCIDENT_RESUMED,
                        EventKind.STEP_STARTED,
                        EventKind.STEP_SUCCEEDED);
    }

    @Test
    void aCallInFlightIsInterruptedWhenRunOrResumeIsStoppedAndTheLogKeepsItsChain() throws Exception {
        Semaphore calls = new Semaphore(0);
        CountDownLatch answer = new CountDownLatch(1);
        HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slow.setExecutor(Executors.newCachedThreadPool());
        slow.createContext("/health", exchange -> {
            calls.release();
            try {
                answer.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        slow.start();
        try {
            Path folder = runbooks("""
                      - id: health
                        title: Check the API's health
                        phase: immediate
                        action: http.healthCheck
                        with: { url: "http://127.0.0.1:%d/health" }
                    """.formatted(slow.getAddress().getPort()));
            String incidentId;
            try (TerminalChild terminal =
                    TerminalChild.drpilot("run", "stopped", "--runbooks", folder.toString(), "--log", log())) {
                assertThat(calls.tryAcquire(60, TimeUnit.SECONDS))
                        .as(terminal.output())
                        .isTrue();
                incidentId = incidentIn(terminal.output());
                terminal.terminate();
                assertThat(terminal.exitStatus()).isEqualTo(143);
                assertThat(terminal.output())
                        .contains("Stopped (SIGTERM): the step 'Check the API's health' is marked interrupted");
                noTrace(terminal.output());
            }
            try (TerminalChild resumed =
                    TerminalChild.drpilot("resume", incidentId, "--runbooks", folder.toString(), "--log", log())) {
                resumed.awaitLine("   Interrupted: the operator stopped DR Pilot (SIGTERM)");
                resumed.answer("r");
                assertThat(calls.tryAcquire(60, TimeUnit.SECONDS))
                        .as(resumed.output())
                        .isTrue();
                resumed.terminate();
                assertThat(resumed.exitStatus()).isEqualTo(143);
                assertThat(resumed.output())
                        .contains(
                                "Stopped (SIGTERM): the step 'Check the API's health' is marked interrupted",
                                "continue with: drpilot resume " + incidentId);
                noTrace(resumed.output());
            }
            List<IncidentEvent> events = events(incidentId);
            assertThat(events)
                    .filteredOn(e -> e.kind() == EventKind.STEP_INTERRUPTED)
                    .hasSize(2)
                    .allSatisfy(e -> {
                        assertThat(e.stepId()).isEqualTo("health");
                        assertThat(e.payload()).contains("the operator stopped DR Pilot (SIGTERM) while this step ran");
                    });
            assertThat(events.getLast().kind()).isEqualTo(EventKind.STEP_INTERRUPTED);
            assertThat(events).extracting(IncidentEvent::kind).doesNotContain(EventKind.STEP_FAILED);
            assertThat(verify(incidentId)).contains(incidentId + ": intact");
        } finally {
            answer.countDown();
            slow.stop(0);
        }
    }
}
