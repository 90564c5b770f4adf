package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.MotoServer;
import dev.drpilot.action.k8s.KubeSettings;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.Sleeper;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.readiness.HealthySandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `drpilot readiness` on moto: its table, its JSON, and its exit code for scripts (0 met, 1 breached, 2 unknown only, 3 did not run). */
class ReadinessCommandTest {

    private static MotoServer moto;
    private static AwsClients aws;
    private static HealthySandbox sandbox;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void seed() throws Exception {
        moto = MotoServer.start();
        aws = new AwsClients(moto.settings("us-west-2"));
        sandbox = HealthySandbox.seed(aws);
    }

    @AfterAll
    static void stop() {
        aws.close();
        moto.close();
    }

    private int run(String... args) {
        return run(d -> {}, args);
    }

    private int run(Sleeper sleeper, String... args) {
        CommandLine line = new CommandLine(
                new ReadinessCommand(
                        ActionCatalog::builtIn,
                        () -> moto.settings("us-west-2"),
                        () -> new KubeSettings(dir.resolve("no-kubeconfig"), null),
                        sleeper),
                new CommandFactory(DrPilotServices.fromEnvironment()));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        List<String> withLog = new ArrayList<>(List.of(args));
        withLog.addAll(List.of("--log", dir.resolve("log").toString()));
        return line.execute(withLog.toArray(String[]::new));
    }

    @Test
    void aHealthySandboxPrintsEveryRowMetAndExitsZero() throws Exception {
        // moto sends no replication status on HeadObject and has no IAM policy simulator, so the deep storage bucket's
        // rows and the runbooks' preconditions are left out for the all-met run
        Path config = Files.writeString(dir.resolve("readiness.yaml"), "druid: { deepStorageBucket: \"\" }\n");

        assertThat(run("--config", config.toString(), "--skip-preconditions"))
                .as(out + "" + err)
                .isEqualTo(0);

        assertThat(out.toString())
                .contains("VERDICT", "TARGET (DR GUIDE)", "MEASURED", "GOAL")
                .containsPattern(
                        "met +RDS Automated backups: 30 days +RDS druid-metadata keeps backups 30 days +at least 30 days")
                .contains("13 met, 0 breached, 0 unknown")
                .doesNotContain("Breached:")
                .contains("Runbooks that need a control plane outside their region:")
                .contains(
                        "  druid-region-failure (aws.route53.changeRecordSets, aws.route53.waitInsync): Route 53's control plane (us-east-1)")
                .contains("    instead: Route 53 Application Recovery Controller routing controls");
    }

    @Test
    void theGuidesNamesOnMotoWithoutAClusterLeaveTheReplicationStatusAndThePreconditionsUnknownAndExitTwo() {
        assertThat(run()).as(out + "" + err).isEqualTo(2);

        assertThat(out.toString())
                .contains("Unknown: Druid region failure RPO: newest segments replicated (S3 replication status)")
                .containsPattern("Unknown: Runbook preconditions: your IAM actions allowed \\(\\d+ runbooks\\)")
                .contains(
                        "does not implement IAM SimulatePrincipalPolicy (HTTP 500 without an AWS error), so permissions cannot be simulated there")
                .containsPattern(
                        "Unknown: Runbook preconditions: your Kubernetes RBAC verbs allowed \\(\\d+ runbooks\\)\\R  Why: No kubeconfig at ")
                .contains("16 met, 0 breached, 3 unknown");
    }

    @Test
    void aBreachedTargetIsNamedWithItsFixAndExitsOne() throws Exception {
        sandbox.dynamo()
                .updateContinuousBackups(r -> r.tableName("webapp-users")
                        .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(false)));
        try {
            assertThat(run()).isEqualTo(1);
            assertThat(out.toString())
                    .containsPattern("breached +WebApp data corruption RPO")
                    .contains("Breached: WebApp data corruption RPO: PITR interval (DynamoDB PITR, 35 days)")
                    .contains("  Fix: Run webapp-backup-dynamodb-pitr")
                    .contains("15 met, 1 breached, 3 unknown");

            assertThat(out.toString())
                    .contains("TARGET BREACHED: WebApp data corruption RPO: PITR interval (DynamoDB PITR, 35 days)");

            out.getBuffer().setLength(0);
            assertThat(run("--json")).isEqualTo(1);
            assertThat(err.toString())
                    .as("breached already in the run kept before: no new notice")
                    .doesNotContain("TARGET BREACHED");
            JsonNode json = new ObjectMapper().readTree(out.toString());
            assertThat(json.get("exitCode").asInt()).isEqualTo(1);
            assertThat(json.get("identity").asText()).contains("123456789012");
            assertThat(json.get("rows")).hasSize(19);
            assertThat(json.get("regionDependencies")).hasSize(7);
            assertThat(json.get("regionDependencies").get(4).get("runbook").asText())
                    .isEqualTo("druid-region-failure");
            assertThat(json.get("regionDependencies")
                            .get(4)
                            .get("actions")
                            .get(0)
                            .asText())
                    .isEqualTo("process.cdkDeploy");
            assertThat(json.get("regionDependencies").get(4).get("alternative").asText())
                    .startsWith("bootstrap the DR region before the incident");
            JsonNode pitr = json.get("rows").get(12);
            assertThat(pitr.get("name").asText())
                    .isEqualTo("WebApp data corruption RPO: PITR interval (DynamoDB PITR, 35 days)");
            assertThat(pitr.get("verdict").asText()).isEqualTo("breached");
            assertThat(pitr.get("figure").asText()).isEqualTo("PITR of webapp-users is DISABLED");
            assertThat(pitr.get("target").asText()).isEqualTo("enabled, latest restorable < 5 min ago");
            assertThat(pitr.get("fix").asText()).startsWith("Run webapp-backup-dynamodb-pitr");
            assertThat(json.get("rows").get(0).get("verdict").asText()).isEqualTo("met");
            assertThat(json.get("rows").get(0).has("fix")).isFalse();
        } finally {
            sandbox.heal();
        }
    }

    @Test
    void onlyUnknownRowsExitTwoWithTheReason() throws Exception {
        Path config = Files.writeString(dir.resolve("readiness.yaml"), """
                drRegion: ""
                druid: { rdsInstance: "", deepStorageBucket: "", backupBucket: "" }
                webapp: { table: no-such-table, function: "", backupBucket: "" }
                """);

        assertThat(run("--config", config.toString())).as(out.toString()).isEqualTo(2);
        assertThat(out.toString())
                .contains("Unknown: WebApp data corruption RPO")
                .contains("  Why: ")
                .contains("no-such-table");
    }

    @Test
    void aConfigThatCannotBeReadSaysSoInOneSentenceAndExitsThree() throws Exception {
        Path config = Files.writeString(dir.resolve("readiness.yaml"), "druid: { bucket: fff-druid-deep-storage }\n");

        assertThat(run("--config", config.toString())).isEqualTo(3);
        assertThat(err.toString().strip())
                .isEqualTo(config + ": unknown key bucket under druid; the keys are rdsInstance, manualSnapshotEvery,"
                        + " deepStorageBucket, replicaBucket, backupBucket.");
        assertThat(out.toString()).isEmpty();

        assertThat(run("--config", dir.resolve("missing.yaml").toString())).isEqualTo(3);
        assertThat(err.toString()).contains("There is no readiness config at " + dir.resolve("missing.yaml"));
        assertThat(run("--every", "soon")).isEqualTo(3);
        assertThat(err.toString())
                .contains("--every 'soon' is not an interval: give a number and a unit, such as 90s, 30m or 1h.");
    }

    /** Between the runs the sandbox changes instead of time passing: PITR goes off after the first run and back on after the second. */
    @Test
    void everyIntervalRunsAgainAndPrintsALineOnlyWhenAVerdictChanges() throws Exception {
        Path config = Files.writeString(dir.resolve("readiness.yaml"), "druid: { deepStorageBucket: \"\" }\n");
        List<Duration> waits = new ArrayList<>();
        Sleeper sandboxChanges = interval -> {
            waits.add(interval);
            if (waits.size() == 1) {
                sandbox.dynamo()
                        .updateContinuousBackups(r -> r.tableName("webapp-users")
                                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(false)));
            } else {
                sandbox.heal();
            }
        };
        try {
            assertThat(run(
                            sandboxChanges,
                            "--config",
                            config.toString(),
                            "--every",
                            "30m",
                            "--times",
                            "3",
                            "--skip-preconditions"))
                    .as(out + "" + err)
                    .isEqualTo(0);
        } finally {
            sandbox.heal();
        }

        assertThat(waits).containsExactly(Duration.ofMinutes(30), Duration.ofMinutes(30));
        String[] after = out.toString()
                .split("Checking again every 30m \\(Ctrl-C to stop\\); a line follows each change of a verdict.\\R")[1]
                .split("\\R");
        assertThat(after).hasSize(4);
        assertThat(after[0])
                .contains(
                        " WebApp data corruption RPO: PITR interval (DynamoDB PITR, 35 days): met -> breached (PITR of webapp-users is DISABLED). Fix: Run webapp-backup-dynamodb-pitr");
        assertThat(after[1]).isEmpty();
        assertThat(after[2])
                .startsWith(
                        "TARGET BREACHED: WebApp data corruption RPO: PITR interval (DynamoDB PITR, 35 days) (PITR of webapp-users is DISABLED). Fix: Run webapp-backup-dynamodb-pitr");
        assertThat(after[3])
                .contains(
                        " WebApp data corruption RPO: PITR interval (DynamoDB PITR, 35 days): breached -> met (PITR of webapp-users on, latest restorable ");
        assertThat(out.toString()).containsOnlyOnce("13 met, 0 breached, 0 unknown");
    }

    @Test
    void eachRunIsKeptInTheLogAndTheHistorySaysSinceWhenEachRowHasItsVerdict() throws Exception {
        Path config = Files.writeString(dir.resolve("readiness.yaml"), "druid: { deepStorageBucket: \"\" }\n");
        assertThat(run("--config", config.toString(), "--skip-preconditions")).isEqualTo(0);
        assertThat(out.toString()).doesNotContain("TARGET BREACHED");
        sandbox.dynamo()
                .updateContinuousBackups(r -> r.tableName("webapp-users")
                        .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(false)));
        try {
            out.getBuffer().setLength(0);
            assertThat(run("--config", config.toString(), "--skip-preconditions"))
                    .isEqualTo(1);
            assertThat(out.toString())
                    .contains(
                            "TARGET BREACHED: WebApp data corruption RPO: PITR interval (DynamoDB PITR, 35 days) (PITR of webapp-users is DISABLED). Fix: Run webapp-backup-dynamodb-pitr");
        } finally {
            sandbox.heal();
        }

        out.getBuffer().setLength(0);
        assertThat(run("--history")).as(out + "" + err).isEqualTo(1);
        assertThat(out.toString())
                .containsPattern("^2 readiness runs kept in \\S+, the newest at \\S+; their hash chain is intact\\.")
                .contains("VERDICT", "SINCE", "BEFORE", "RUNS", "CHANGES")
                .containsPattern(
                        "breached +WebApp data corruption RPO: PITR interval \\(DynamoDB PITR, 35 days\\) +\\S+Z +met +2 +1")
                .containsPattern("met +RDS Automated backups: 30 days +\\S+Z +- +2 +0");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void theHistoryOfALogThatKeptNoRunSaysHowToKeepOne() {
        assertThat(run("--history")).isEqualTo(1);
        assertThat(err.toString()).contains("There is no incident log at ");
        assertThat(dir.resolve("log.mv.db")).doesNotExist();

        IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice").close();
        assertThat(run("--history")).isEqualTo(0);
        assertThat(out.toString())
                .contains("No readiness run is kept in ")
                .contains("each run of `drpilot readiness` keeps one");
    }
}
