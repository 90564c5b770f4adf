package dev.drpilot.action.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drpilot.action.ActionCatalog;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The AWS steps of the RDS-corruption runbook, run by the engine against moto. */
class RdsCorruptionRunbookTest {

    @RegisterExtension
    static final MotoAws moto = new MotoAws("us-west-2");

    private static AwsClients aws;
    private static final String CANARY = "canary-password-" + System.nanoTime();

    @TempDir
    Path dir;

    @BeforeAll
    static void startEmulatorAndSeedIt() throws Exception {
        aws = moto.aws();
        aws.get(RdsClient.class, RdsClient::builder, null)
                .createDBInstance(r -> r.dbInstanceIdentifier("druid-metadata")
                        .engine("postgres")
                        .dbInstanceClass("db.t3.micro")
                        .allocatedStorage(20)
                        .masterUsername("druid")
                        .masterUserPassword(CANARY)
                        .backupRetentionPeriod(30));
        aws.get(SecretsManagerClient.class, SecretsManagerClient::builder, null)
                .createSecret(r -> r.name("druid-metadata-secret")
                        .secretString("{\"host\":\"druid-metadata.old\",\"username\":\"druid\",\"password\":\"" + CANARY
                                + "\"}"));
    }

    private static Runbook runbook() {
        return new RunbookLoader(ActionCatalog.builtIn())
                .load(List.of(Path.of("runbooks/druid-rds-corruption.yaml")))
                .runbooks()
                .get(0);
    }

    private static Instant created() {
        return aws.get(RdsClient.class, RdsClient::builder, null)
                .describeDBInstances(r -> r.dbInstanceIdentifier("druid-metadata"))
                .dbInstances()
                .get(0)
                .instanceCreateTime();
    }

    @Test
    void restoresWaitsAndPointsTheSecretAtTheRestoredEndpointWithoutEverWritingThePassword() throws Exception {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            IncidentRun run = DrPilotServices.fromEnvironment()
                    .engine(log, aws)
                    .declare(
                            runbook(),
                            Map.of("restoreTime", created().toString()),
                            new NewIncident("druid-rds-corruption", "RDS", IncidentMode.REHEARSAL, null, null, null));

            run.start("check-window").get(60, TimeUnit.SECONDS);
            run.start("restore").get(60, TimeUnit.SECONDS);
            run.start("wait").get(120, TimeUnit.SECONDS);
            run.start("point-druid-at-it").get(60, TimeUnit.SECONDS);
            assertThat(run.step("point-druid-at-it").state()).isEqualTo(StepState.AWAITING_CONFIRMATION);
            run.confirm("point-druid-at-it", "druid-metadata-secret").get(60, TimeUnit.SECONDS);

            assertThat(run.step("check-window").outputs())
                    .containsEntry("status", "available")
                    .containsEntry("backupRetentionPeriod", 30);
            assertThat(run.step("restore").state()).isEqualTo(StepState.SUCCEEDED);
            String endpoint = (String) run.step("wait").outputs().get("endpoint");
            assertThat(endpoint).contains("druid-metadata-restored");
            assertThat(run.step("point-druid-at-it").message())
                    .isEqualTo("Updated host of druid-metadata-secret. Checked: secret"
                            + " druid-metadata-secret has host=<new>, 2 other key(s) unchanged (values not shown)");

            String secret = aws.get(SecretsManagerClient.class, SecretsManagerClient::builder, null)
                    .getSecretValue(r -> r.secretId("druid-metadata-secret"))
                    .secretString();
            Map<?, ?> fields = new ObjectMapper().readValue(secret, Map.class);
            assertThat(fields.get("host")).isEqualTo(endpoint);
            assertThat(fields.get("password")).isEqualTo(CANARY);

            List<IncidentEvent> events = log.events(run.incidentId());
            assertThat(events)
                    .filteredOn(e -> e.kind() == EventKind.API_CALL)
                    .extracting(IncidentEvent::payload)
                    .anyMatch(p -> p.contains("RestoreDBInstanceToPointInTime") && p.contains("requestId"));
            assertThat(events).extracting(IncidentEvent::payload).noneMatch(p -> p.contains(CANARY));
        }
        assertThat(new String(
                        Files.readAllBytes(dir.resolve("log.mv.db")), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(CANARY);
    }

    @Test
    void aRestoreTimeOutsideTheRestorableWindowIsRefusedBeforeTheRestoreCall() throws Exception {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            Instant tooEarly = created().minusSeconds(3600);
            IncidentRun run = DrPilotServices.fromEnvironment()
                    .engine(log, aws)
                    .declare(
                            runbook(),
                            Map.of("restoreTime", tooEarly.toString()),
                            new NewIncident("druid-rds-corruption", "RDS", IncidentMode.REHEARSAL, null, null, null));

            run.start("restore").get(60, TimeUnit.SECONDS);

            assertThat(run.step("restore").state()).isEqualTo(StepState.FAILED);
            assertThat(run.step("restore").message())
                    .contains("is outside the restorable window of druid-metadata")
                    .contains("pick a time inside it");
            assertThat(log.events(run.incidentId()))
                    .extracting(IncidentEvent::payload)
                    .noneMatch(p -> p.contains("RestoreDBInstanceToPointInTime"));
        }
    }

    @Test
    void anUnreachableEndpointSaysSoAndIsRetried() throws Exception {
        AwsClients nowhere = new AwsClients(new AwsSettings(
                null,
                "us-west-2",
                java.net.URI.create("http://127.0.0.1:9"),
                moto.settings("us-west-2").credentials()));
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            IncidentRun run = DrPilotServices.fromEnvironment()
                    .engine(log, nowhere)
                    .declare(
                            runbook(),
                            Map.of("restoreTime", created().toString()),
                            new NewIncident("druid-rds-corruption", "RDS", IncidentMode.REHEARSAL, null, null, null));

            run.start("check-window").get(120, TimeUnit.SECONDS);

            assertThat(run.step("check-window").state()).isEqualTo(StepState.FAILED);
            assertThat(run.step("check-window").message())
                    .startsWith("Cannot reach AWS for STS GetCallerIdentity at http://127.0.0.1:9")
                    .contains("Check the network, VPN or endpoint override");
            assertThat(log.events(run.incidentId()))
                    .filteredOn(e -> e.kind() == EventKind.STEP_RETRIED)
                    .hasSize(3);
        }
        nowhere.close();
    }
}
