package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.app.DrPilotCommand;
import dev.drpilot.app.Main;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.incident.BulkNotes;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.timeline.EventDescriptions;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** run, resume, incidents, note, verify and export as an operator types them. */
class IncidentCommandsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int drpilot(String input, String... args) {
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            CommandLine line = DrPilotCommand.commandLine(DrPilotServices.fromEnvironment());
            line.setOut(new PrintWriter(out, true));
            line.setErr(new PrintWriter(err, true));
            return line.execute(args);
        } finally {
            System.setIn(stdin);
        }
    }

    private String log() {
        return dir.resolve("log").toString();
    }

    private List<IncidentEvent> events(String incidentId) {
        try (IncidentLogStore store = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "test")) {
            return store.events(incidentId);
        }
    }

    private String onlyIncident() {
        try (IncidentLogStore store = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "test")) {
            return store.incidents().get(0).id();
        }
    }

    @Test
    void dryRunWalksEveryStepWithItsCommandAndRecordsNothing() {
        int status = drpilot(
                "",
                "run",
                "druid-rds-corruption",
                "--dry-run",
                "--log",
                log(),
                "-p",
                "restoreTime=2024-01-15T10:25:00Z");

        assertThat(status).isZero();
        assertThat(out.toString())
                .contains("nothing is called or recorded")
                .contains(
                        "$ aws rds restore-db-instance-to-point-in-time --source-db-instance-identifier druid-metadata"
                                + " --target-db-instance-identifier druid-metadata-restored --restore-time 2024-01-15T10:25:00Z")
                .contains("$ aws secretsmanager update-secret --secret-id druid-metadata-secret --secret-string ****")
                .contains("$ kubectl rollout restart statefulset druid-coordinator druid-overlord -n druid")
                .contains("DESTRUCTIVE: asks to type druid-metadata-secret");
        assertThat(Files.exists(dir.resolve("log.mv.db"))).isFalse();
    }

    @Test
    void dryRunPutsTheParameterValuesIntoAManualStepsInstructions() {
        int status = drpilot(
                "",
                "run",
                "druid-s3-segment-deletion",
                "--dry-run",
                "--log",
                log(),
                "-p",
                "interval=2024-01-15/2024-01-16");

        assertThat(status).isZero();
        assertThat(out.toString())
                .contains(
                        "manual: In the Druid console, check that the datasource's segments for 2024-01-15/2024-01-16 are loaded")
                .doesNotContain("${interval}");
    }

    @Test
    void theTerminalShowsAManualStepsInstructionsWithTheParametersAndTheValuesRecordedBefore() throws Exception {
        Path runbooks = Files.createDirectories(dir.resolve("runbooks"));
        Files.writeString(runbooks.resolve("segments-check.yaml"), """
                id: segments-check
                title: Check the restored segments
                architecture: druid
                kind: readiness
                targets: { rto: none, rpo: none }
                params:
                  - { name: interval, type: string }
                steps:
                  - id: note-time
                    title: Note when the segments went missing
                    phase: immediate
                    manual: Find the first missing segment in the coordinator log.
                    records: [{ name: firstError, type: instant }]
                  - id: check
                    title: Check the interval
                    phase: validation
                    manual: Query ${interval} and compare with what was there before ${steps.note-time.firstError}.
                """);
        String answers = "2024-01-15T10:20:00Z\n\n\n";

        int status = drpilot(
                answers,
                "run",
                "segments-check",
                "--runbooks",
                runbooks.toString(),
                "--log",
                log(),
                "-p",
                "interval=2024-01-15/2024-01-16");

        assertThat(status).isZero();
        assertThat(out.toString())
                .contains("Query 2024-01-15/2024-01-16 and compare with what was there before 2024-01-15T10:20:00Z.")
                .contains("All steps done");
    }

    /** A runbook whose first step fails at once (nothing listens on the port), then a manual one; the incident's id. */
    private String runFailingStep(String answers, int expectedStatus) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path runbooks = Files.createDirectories(dir.resolve("runbooks"));
        Files.writeString(runbooks.resolve("failing-check.yaml"), """
                id: failing-check
                title: A check that fails
                architecture: both
                kind: readiness
                targets: { rto: none, rpo: none }
                params:
                  - { name: url, type: string }
                steps:
                  - { id: health, title: Call the service, phase: validation, action: http.healthCheck, with: { url: "${url}" } }
                  - { id: after, title: Tell the team, phase: validation, manual: Say what the check found. }
                """);

        int status = drpilot(
                answers,
                "run",
                "failing-check",
                "--runbooks",
                runbooks.toString(),
                "--log",
                log(),
                "-p",
                "url=http://127.0.0.1:" + closedPort + "/health");

        assertThat(status).as(out.toString()).isEqualTo(expectedStatus);
        return onlyIncident();
    }

    private long starts(String incidentId) {
        return events(incidentId).stream()
                .filter(e -> e.kind() == EventKind.STEP_STARTED && "health".equals(e.stepId()))
                .count();
    }

    @Test
    void afterAFailureOnlyTheOfferedAnswersAreTakenAndAnythingElseIsAskedAgain() throws Exception {
        String id = runFailingStep("yes\n\nRetry\nS\nchecked by hand\n\n", 0);

        assertThat(out.toString())
                .contains("'yes' is not one of the choices: type r to retry, s to skip or q to quit")
                .contains("'' is not one of the choices")
                .contains("All steps done");
        assertThat(starts(id)).as("started once, and once more for Retry").isEqualTo(2);
        assertThat(events(id))
                .filteredOn(e -> e.kind() == EventKind.STEP_SKIPPED)
                .singleElement()
                .satisfies(e -> assertThat(e.payload()).contains("checked by hand"));
    }

    @Test
    void aFailedStepIsPrintedOnceAndItsSkipSaysSkippedOnce() throws Exception {
        runFailingStep("s\nchecked by hand\n\n", 0);

        String terminal = out.toString();
        assertThat(terminal.lines().filter(l -> l.contains("1/2 [Validation] Call the service")))
                .hasSize(1);
        assertThat(terminal.lines().filter(l -> l.contains("Failed: Nothing listens on 127.0.0.1")))
                .hasSize(1);
        assertThat(terminal).contains("Skipped: checked by hand").doesNotContain("Skipped: Skipped");
    }

    @Test
    void theEndOfTheInputAtTheRetryQuestionQuitsAndNeverRetries() throws Exception {
        String id = runFailingStep("yes\n", 3);

        assertThat(starts(id)).isEqualTo(1);
        assertThat(out.toString()).contains("Stopped; the incident stays open. Continue with: drpilot resume " + id);
    }

    @Test
    void anOpenTabletopIsListedOnItsOwnClockStandingAtItsLastEvent() {
        String id;
        String drill;
        try (IncidentLogStore store = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            Instant declared = Instant.now();
            // a tabletop (it has injects), told 10 minutes after the failure began; at 60x, 50 minutes of exercise went
            // by
            // before the app was closed
            id = store.declare(
                            new NewIncident(
                                    "druid-pod-failure",
                                    "Rehearsal",
                                    IncidentMode.REHEARSAL,
                                    null,
                                    "alice",
                                    declared.minus(Duration.ofMinutes(10))),
                            Map.of(),
                            null,
                            null,
                            Clock.fixed(declared, ZoneOffset.UTC))
                    .id();
            store.keepTimeFor(id, Clock.fixed(declared.plus(Duration.ofMinutes(50)), ZoneOffset.UTC));
            store.append(id, new EventData.Inject(null, "T+1 h", null, "us-west-2 is back, partly"), null);
            drill = store.declare(
                            new NewIncident(
                                    "dr-drill-monthly", "Monthly drill", IncidentMode.REHEARSAL, null, "alice", null),
                            Map.of())
                    .id();
        }

        assertThat(drpilot("", "incidents", "--log", log())).isZero();

        assertThat(out.toString())
                .contains("Rehearsals (a tabletop's times on its own clock, from the failure's start)");
        assertThat(out.toString().lines().filter(line -> line.startsWith(id)))
                .singleElement()
                .asString()
                .as("T+1 h, as its screen and the window's list show it; not the 10 minutes the wall clock counts")
                .contains(" T+1 h ");
        assertThat(out.toString().lines().filter(line -> line.startsWith(drill)))
                .singleElement()
                .asString()
                .as("a drill runs on the wall clock")
                .doesNotContain("T+");
    }

    @Test
    void aWrongParameterIsRefusedBeforeAnythingIsDeclared() {
        int status = drpilot("", "run", "druid-rds-corruption", "--log", log(), "-p", "restoreTime=yesterday");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString())
                .contains("parameter restoreTime: 'yesterday' is not a UTC instant")
                .contains("nothing was run");
        assertThat(drpilot("", "incidents", "--log", log())).isZero();
        assertThat(out.toString().lines().count()).isEqualTo(1);
    }

    @Test
    void aManualRunbookRunsToTheEndAndItsTimelineExportsAndVerifies() throws Exception {
        String answers = "scope: Druid only\n" + "\n".repeat(15);

        assertThat(drpilot(answers, "run", "recovery-checklist", "--log", log(), "--severity", "SEV2"))
                .isZero();
        String id = onlyIncident();
        assertThat(out.toString())
                .contains("16/16 [Post-recovery] Test recovery procedures")
                .contains("All steps done");
        assertThat(events(id))
                .filteredOn(e -> e.kind() == EventKind.STEP_SUCCEEDED)
                .hasSize(16);

        assertThat(drpilot("", "note", id, "--log", log(), "--decision", "stay", "in", "us-west-2"))
                .isZero();
        assertThat(drpilot("", "note", id, "--log", log(), "--corrects", "3", "scope:", "Druid", "and", "WebApp"))
                .isZero();
        IncidentEvent correction = events(id).getLast();
        assertThat(correction.kind()).isEqualTo(EventKind.CORRECTION);
        assertThat(correction.corrects()).isEqualTo(3L);
        assertThat(events(id).get(2).payload()).contains("scope: Druid only");
        Path json = dir.resolve("timeline.json");
        assertThat(drpilot("", "export", id, "--log", log(), "--format", "json", "--out", json.toString()))
                .isZero();
        assertThat(drpilot("", "verify", "--file", json.toString())).isZero();
        assertThat(out.toString()).contains(json + ": intact");
        Path picture = dir.resolve("timeline.png");
        assertThat(drpilot("", "export", id, "--log", log(), "--format", "png", "--out", picture.toString()))
                .isZero();
        assertThat(javax.imageio.ImageIO.read(picture.toFile()).getHeight())
                .as("16 steps, a row each")
                .isGreaterThan(16 * 26);

        Files.writeString(json, Files.readString(json).replace("scope: Druid only", "scope: everything"));
        assertThat(drpilot("", "verify", "--file", json.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("TAMPERED").contains("was changed: its hash does not match its fields");
    }

    @Test
    void killedWithSigkillMidRunAndResumedFromTheCommandLineNothingIsLost() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "run",
                        "recovery-checklist",
                        "--log",
                        log())
                .redirectErrorStream(true)
                .start();
        Writer stdin = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
        BufferedReader stdout =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        int ticked = 0;
        for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
            if (line.contains("Post what users see"))
                break; // step 3's instructions: it has started and waits for the operator
            if (line.contains("1/16") || line.contains("2/16")) {
                stdin.write("done " + (++ticked) + "\n");
                stdin.flush();
            }
        }
        // step 3 is waiting for the operator: kill the process there, without any chance to clean up
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String id = onlyIncident();
        List<IncidentEvent> before = events(id);
        assertThat(before).filteredOn(e -> e.kind() == EventKind.STEP_SUCCEEDED).hasSize(2);

        assertThat(drpilot("", "run", "druid-pod-failure", "--log", log())).isEqualTo(1); // pod not given
        assertThat(out.toString())
                .contains(
                        "Open incident " + id + " (recovery-checklist): continue it with `drpilot resume " + id + "`");
        assertThat(err.toString()).contains("parameter pod is required");
        int status = drpilot("r\n" + "\n".repeat(14), "resume", id, "--log", log());

        assertThat(status).isZero();
        assertThat(out.toString()).contains("Interrupted: Update status page").contains("All steps done");
        List<IncidentEvent> after = events(id);
        assertThat(after.subList(0, before.size())).isEqualTo(before);
        assertThat(after)
                .extracting(IncidentEvent::kind)
                .contains(EventKind.STEP_INTERRUPTED, EventKind.INCIDENT_RESUMED);
        assertThat(after)
                .as("the killed terminal's claim is taken at once, without --take-over, and that is logged")
                .filteredOn(e -> e.kind() == EventKind.INCIDENT_TAKEN_OVER)
                .singleElement()
                .satisfies(e ->
                        assertThat(EventDescriptions.describe(e)).contains("(pid " + child.pid() + "), silent for "));
        assertThat(after).filteredOn(e -> e.kind() == EventKind.STEP_SUCCEEDED).hasSize(16);
        assertThat(after.get(2).payload()).contains("done 1");
    }

    @Test
    void anExportOfAHundredThousandEventsIsCompleteAndVerifies() throws Exception {
        String id;
        try (IncidentLogStore store = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "test")) {
            id = store.declare(
                            new NewIncident("recovery-checklist", "large", IncidentMode.REHEARSAL, null, null, null),
                            Map.of())
                    .id();
        }
        BulkNotes.fill(dir.resolve("log"), id, 100_000);
        Path md = dir.resolve("large.md");
        Path json = dir.resolve("large.json");

        assertThat(drpilot("", "export", id, "--log", log(), "--format", "md", "--out", md.toString()))
                .isZero();
        assertThat(drpilot("", "export", id, "--log", log(), "--format", "json", "--out", json.toString()))
                .isZero();

        assertThat(Files.readString(md)).contains("| 100000 | ").contains("Note: event 100000");
        assertThat(drpilot("", "verify", "--file", json.toString())).isZero();
        assertThat(out.toString()).contains("intact, 100001 events"); // the Markdown export added its EXPORT event
    }
}
