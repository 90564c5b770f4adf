package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.MotoServer;
import dev.drpilot.action.k8s.KubeSettings;
import dev.drpilot.app.DrPilotCommand;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.Sleeper;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.readiness.HealthySandbox;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The evidence pack of a drill: `drpilot readiness --json` on moto saved before the monthly drill
 * runs its restores there (two tests skipped, with reasons), a gap recorded, the pack written with
 * that report attached; it holds every field, and `verify --file` fails once an event is edited or
 * a gap removed. With -Devidence.examples=true it is copied to docs/examples/evidence-drill.{html,json}.
 */
class DrillEvidenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int drpilot(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine line = DrPilotCommand.commandLine(DrPilotServices.fromEnvironment());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void theMonthlyDrillsPackHoldsEveryFieldAndFailsVerifyOnceEdited() throws Exception {
        Path log = dir.resolve("log");
        Path readiness = dir.resolve("readiness.json");
        String id;
        try (MotoServer moto = MotoServer.start();
                AwsClients aws = new AwsClients(moto.settings("us-west-2"))) {
            HealthySandbox.seed(aws);
            StringWriter report = new StringWriter();
            CommandLine check = new CommandLine(
                    new ReadinessCommand(
                            ActionCatalog::builtIn,
                            () -> moto.settings("us-west-2"),
                            () -> new KubeSettings(dir.resolve("no-kubeconfig"), null),
                            Sleeper.real()),
                    new CommandFactory(DrPilotServices.fromEnvironment()));
            check.setOut(new PrintWriter(report, true));
            // moto gives no replication status of objects: that row is unknown (exit 2), every other one is met
            assertThat(check.execute("--json", "--skip-preconditions")).isEqualTo(2);
            Files.writeString(readiness, report.toString());

            try (IncidentLogStore store = IncidentLogStore.open(log, Clock.systemUTC(), "alice")) {
                Runbook drill = new RunbookLoader(ActionCatalog.builtIn())
                        .load(List.of(Path.of("runbooks/dr-drill-monthly.yaml")))
                        .runbooks()
                        .get(0);
                IncidentRun run = DrPilotServices.fromEnvironment()
                        .engine(store, aws)
                        .declare(
                                drill,
                                Map.of("snapshot", "druid-metadata-manual-20240115"),
                                new NewIncident(
                                        drill.id(), drill.title(), IncidentMode.REHEARSAL, null, "carol", null));
                id = run.incidentId();
                for (String step : List.of("rds-restore", "rds-wait", "dynamodb-restore", "dynamodb-wait")) {
                    run.start(step).get(120, TimeUnit.SECONDS);
                    assertThat(run.step(step).state())
                            .as(step + ": " + run.step(step).message())
                            .isEqualTo(StepState.SUCCEEDED);
                }
                run.skip("k8s-dry-run", "no cluster in this sandbox");
                run.skip("dns", "the failover name is not delegated to the sandbox");
                var record = run.start("record");
                Awaitility.await().until(() -> run.step("record").state() == StepState.AWAITING_OPERATOR);
                run.tickOff("record", "RDS and DynamoDB restores done", Map.of());
                record.get(30, TimeUnit.SECONDS);
                run.runToNextConfirmation().get(60, TimeUnit.SECONDS);
                run.confirm("cleanup-rds", "druid-metadata-test").get(60, TimeUnit.SECONDS);
                run.confirm("cleanup-table", "webapp-users-test").get(60, TimeUnit.SECONDS);
                assertThat(run.steps())
                        .allSatisfy(s ->
                                assertThat(s.state().isSettled()).as(s.id()).isTrue());
            }
        }
        assertThat(drpilot(
                        "gap",
                        id,
                        "--log",
                        log.toString(),
                        "--text",
                        "The DNS failover test cannot run in the sandbox",
                        "--owner",
                        "dave",
                        "--due",
                        "2999-06-30",
                        "--remediation",
                        "Delegate a test zone to the sandbox account"))
                .as(err.toString())
                .isZero();
        assertThat(drpilot(
                        "gap",
                        id,
                        "--log",
                        log.toString(),
                        "--text",
                        "x".repeat(EventData.Said.MAX_TEXT + 1),
                        "--owner",
                        "dave",
                        "--due",
                        "2999-06-30",
                        "--remediation",
                        "y"))
                .isEqualTo(2);
        assertThat(err.toString()).startsWith("not logged: --text holds at most 10000 characters");

        assertThat(drpilot(
                        "evidence",
                        id,
                        "--log",
                        log.toString(),
                        "--to",
                        dir.toString(),
                        "--readiness",
                        readiness.toString()))
                .as(err.toString())
                .isZero();
        Path json = dir.resolve(id + "-evidence.json");
        JsonNode evidence = JSON.readTree(json.toFile()).path("evidence");
        assertThat(evidence.path("scenarioType").asText()).isEqualTo("simulation");
        assertThat(evidence.path("scope").path("params").path("snapshot").asText())
                .isEqualTo("druid-metadata-manual-20240115");
        assertThat(evidence.path("participants").findValuesAsText("name")).contains("carol", "alice", "dave");
        assertThat(evidence.path("runbook").path("file").asText()).isEqualTo("dr-drill-monthly.yaml");
        assertThat(evidence.path("objectives").path("rto").path("target").asText())
                .isEqualTo("< 2 h");
        assertThat(evidence.path("objectives").path("rto").path("verdict").asText())
                .as("restores on moto take seconds")
                .isEqualTo("pass");
        assertThat(evidence.path("objectives").path("rpo").path("verdict").asText())
                .as("a drill restores no data to a point")
                .isEqualTo("not measured");
        assertThat(evidence.path("skippedSteps").findValuesAsText("reason"))
                .containsExactly("no cluster in this sandbox", "the failover name is not delegated to the sandbox");
        assertThat(evidence.has("deviations")).isTrue();
        assertThat(evidence.path("gaps")).hasSize(1);
        assertThat(evidence.path("gaps").get(0).path("overdue").asBoolean()).isFalse();
        assertThat(evidence.path("readinessBeforeTest").path("result").asText())
                .isEqualTo("none breached, some could not be read");
        assertThat(evidence.path("readinessBeforeTest").path("beforeTest").asBoolean())
                .isTrue();
        assertThat(evidence.path("readinessBeforeTest").path("rows"))
                .hasSize(new ObjectMapper()
                        .readTree(readiness.toFile())
                        .path("rows")
                        .size());
        assertThat(Files.readString(dir.resolve(id + "-evidence.html")))
                .contains("Steps skipped", "no cluster in this sandbox", "simulation")
                .doesNotContain("OVERDUE");

        assertThat(drpilot("verify", "--file", json.toString()))
                .as(err.toString())
                .isZero();

        ObjectNode editedEvent = (ObjectNode) JSON.readTree(json.toFile());
        ((ObjectNode) editedEvent.path("events").get(2).path("payload")).put("reason", "skipped on purpose");
        assertThat(verifyEdited(editedEvent)).contains("TAMPERED: event 3 of").contains("was changed");

        ObjectNode gapRemoved = (ObjectNode) JSON.readTree(json.toFile());
        ((ArrayNode) gapRemoved.path("evidence").path("gaps")).removeAll();
        assertThat(verifyEdited(gapRemoved))
                .contains("TAMPERED: its evidence (figures, verdicts, gaps, participants) was changed");

        ObjectNode evidenceRemoved = (ObjectNode) JSON.readTree(json.toFile());
        evidenceRemoved.remove("evidence");
        assertThat(verifyEdited(evidenceRemoved))
                .contains("TAMPERED: its seal covers an evidence section that is not there");

        keepAsExample(json, "evidence-drill.json");
        keepAsExample(dir.resolve(id + "-evidence.html"), "evidence-drill.html");
    }

    private String verifyEdited(JsonNode edited) throws Exception {
        Path file = Files.createTempFile(dir, "edited", ".json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), edited);
        assertThat(drpilot("verify", "--file", file.toString())).isEqualTo(1);
        return err.toString();
    }

    private static void keepAsExample(Path file, String name) throws Exception {
        if (Boolean.getBoolean("evidence.examples"))
            Files.copy(file, Path.of("docs/examples", name), StandardCopyOption.REPLACE_EXISTING);
    }
}
