package dev.drpilot.action.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The RDS and DynamoDB tests of the monthly drill on moto, then its cleanup: the drill leaves no
 * test instance or table behind. Also the manual snapshot backup the drill restores from.
 */
class MonthlyDrillTest {

    @TempDir
    Path dir;

    private static Runbook runbook(String id) {
        return new RunbookLoader(ActionCatalog.builtIn())
                .load(List.of(Path.of("runbooks/" + id + ".yaml")))
                .runbooks()
                .get(0);
    }

    @Test
    void snapshotThenDrillThenCleanup() throws Exception {
        try (MotoServer moto = MotoServer.start();
                AwsClients aws = new AwsClients(moto.settings("us-west-2"));
                IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            RdsClient rds = aws.get(RdsClient.class, RdsClient::builder, null);
            rds.createDBInstance(r -> r.dbInstanceIdentifier("druid-metadata")
                    .engine("postgres")
                    .dbInstanceClass("db.t3.micro")
                    .allocatedStorage(20)
                    .masterUsername("druid")
                    .masterUserPassword("not-used-here"));
            DynamoDbClient dynamo = aws.get(DynamoDbClient.class, DynamoDbClient::builder, null);
            dynamo.createTable(r -> r.tableName("webapp-users")
                    .billingMode("PAY_PER_REQUEST")
                    .keySchema(KeySchemaElement.builder()
                            .attributeName("id")
                            .keyType("HASH")
                            .build())
                    .attributeDefinitions(AttributeDefinition.builder()
                            .attributeName("id")
                            .attributeType(ScalarAttributeType.S)
                            .build()));
            dynamo.updateContinuousBackups(r -> r.tableName("webapp-users")
                    .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));

            Runbook backup = runbook("druid-backup-rds-snapshot");
            IncidentRun snapshot = DrPilotServices.fromEnvironment()
                    .engine(log, aws)
                    .declare(
                            backup,
                            Map.of(),
                            new NewIncident(backup.id(), backup.title(), IncidentMode.REHEARSAL, null, null, null));
            snapshot.runToNextConfirmation().get(120, TimeUnit.SECONDS);
            assertThat(snapshot.step("list").outputs().get("latestSnapshot"))
                    .asString()
                    .startsWith("druid-metadata-manual-");
            String latest = (String) snapshot.step("list").outputs().get("latestSnapshot");

            Runbook drill = runbook("dr-drill-monthly");
            IncidentRun run = DrPilotServices.fromEnvironment()
                    .engine(log, aws)
                    .declare(
                            drill,
                            Map.of("snapshot", latest),
                            new NewIncident(drill.id(), drill.title(), IncidentMode.REHEARSAL, null, null, null));
            for (String step : List.of("rds-restore", "rds-wait", "dynamodb-restore", "dynamodb-wait")) {
                run.start(step).get(120, TimeUnit.SECONDS);
                assertThat(run.step(step).state())
                        .as(step + ": " + run.step(step).message())
                        .isEqualTo(StepState.SUCCEEDED);
            }
            assertThat(rds.describeDBInstances().dbInstances())
                    .extracting(d -> d.dbInstanceIdentifier())
                    .contains("druid-metadata-test");
            assertThat(dynamo.listTables().tableNames()).contains("webapp-users-test");

            run.skip("k8s-dry-run", "no cluster in this rehearsal");
            run.skip("dns", "no resolver in this rehearsal");
            var record = run.start("record");
            Awaitility.await().until(() -> run.step("record").state() == StepState.AWAITING_OPERATOR);
            run.tickOff("record", "all four tests done", Map.of());
            record.get(30, TimeUnit.SECONDS);

            run.runToNextConfirmation().get(60, TimeUnit.SECONDS);
            assertThat(run.step("cleanup-rds").state()).isEqualTo(StepState.AWAITING_CONFIRMATION);
            run.confirm("cleanup-rds", "druid-metadata-test").get(60, TimeUnit.SECONDS);
            assertThat(run.step("cleanup-table").state()).isEqualTo(StepState.AWAITING_CONFIRMATION);
            run.confirm("cleanup-table", "webapp-users-test").get(60, TimeUnit.SECONDS);

            assertThat(run.steps())
                    .allSatisfy(
                            s -> assertThat(s.state().isSettled()).as(s.id()).isTrue());
            assertThat(rds.describeDBInstances().dbInstances())
                    .extracting(d -> d.dbInstanceIdentifier())
                    .doesNotContain("druid-metadata-test");
            assertThat(dynamo.listTables().tableNames()).containsExactly("webapp-users");
        }
    }
}
