package dev.drpilot.action.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.incident.IncidentLogStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The DynamoDB backup runbooks on moto: PITR on, an on-demand backup and a restore from it, an export to S3. */
class DynamoDbBackupRunbooksTest {

    @RegisterExtension
    static final MotoAws moto = new MotoAws("us-west-2");

    private static AwsClients aws;
    private static DynamoDbClient dynamo;
    private static S3Client s3;

    @TempDir
    Path dir;

    @BeforeAll
    static void seed() throws Exception {
        aws = moto.aws();
        dynamo = aws.get(DynamoDbClient.class, DynamoDbClient::builder, null);
        s3 = aws.get(S3Client.class, S3Client::builder, null);
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
        for (String id : new String[] {"u1", "u2", "u3"}) {
            dynamo.putItem(r -> r.tableName("webapp-users")
                    .item(Map.of("id", AttributeValue.fromS(id), "email", AttributeValue.fromS(id + "@example.com"))));
        }
        s3.createBucket(r ->
                r.bucket("fff-dynamodb-exports").createBucketConfiguration(c -> c.locationConstraint("us-west-2")));
    }

    @Test
    void pitrRunbookEnablesItAndShowsTheWindow() throws Exception {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            IncidentRun run = Runbooks.runAll(log, aws, "webapp-backup-dynamodb-pitr", Map.of());

            assertThat(dynamo.describeContinuousBackups(r -> r.tableName("webapp-users"))
                            .continuousBackupsDescription()
                            .pointInTimeRecoveryDescription()
                            .pointInTimeRecoveryStatusAsString())
                    .isEqualTo("ENABLED");
            assertThat(run.step("check").outputs())
                    .containsEntry("pitrStatus", "ENABLED")
                    .containsKey("latestRestorableTime");
        }
    }

    @Test
    void onDemandBackupIsListedAndRestoresIntoANewTable() throws Exception {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            IncidentRun backup = Runbooks.runAll(log, aws, "webapp-backup-dynamodb-on-demand", Map.of());
            String arn = (String) backup.step("backup").outputs().get("backupArn");
            assertThat(backup.step("list").outputs()).containsEntry("latestBackupArn", arn);

            var restore = Runbooks.write(dir, "restore-backup", """
                    id: restore-backup
                    title: Restore an on-demand backup
                    architecture: webapp
                    kind: recovery
                    targets: { rto: PT1H, rpo: PT24H }
                    params:
                      - { name: backupArn, type: aws-arn }
                    steps:
                      - { id: restore, title: Restore, phase: recovery, action: aws.dynamodb.restoreFromBackup, with: { backupArn: "${backupArn}", target: webapp-users-restored } }
                      - { id: wait, title: Wait, phase: recovery, action: aws.dynamodb.waitForTable, with: { table: webapp-users-restored, status: ACTIVE } }
                      - { id: check, title: Check, phase: validation, action: aws.dynamodb.describeTable, with: { table: webapp-users-restored }, verify: { status: { equals: ACTIVE } } }
                    """);
            IncidentRun run = Runbooks.runToConfirmation(
                    DrPilotServices.fromEnvironment().engine(log, aws), restore, Map.of("backupArn", arn));
            Runbooks.assertSucceeded(run);

            assertThat(dynamo.scan(r -> r.tableName("webapp-users-restored")).items())
                    .extracting(i -> i.get("id").s())
                    .containsExactlyInAnyOrder("u1", "u2", "u3");
        }
    }

    @Test
    void exportRunbookWritesTheTableToS3() throws Exception {
        dynamo.updateContinuousBackups(r ->
                r.tableName("webapp-users").pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            IncidentRun run = Runbooks.runAll(log, aws, "webapp-backup-dynamodb-export", Map.of());

            assertThat(run.step("export").outputs()).containsEntry("status", "COMPLETED");
            assertThat(s3.listObjectsV2(r -> r.bucket("fff-dynamodb-exports").prefix("webapp-users/"))
                            .contents())
                    .extracting(S3Object::key)
                    .isNotEmpty();
        }
    }
}
