package dev.drpilot.action.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepRun;
import dev.drpilot.incident.IncidentLogStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Each state-changing DynamoDB action on moto proves its effect by reading it back: it succeeds
 * saying what it read, and fails saying what it expected and found when the live state is
 * changed behind its back between the change and the read-back.
 */
class DynamoDbPostconditionsTest {

    private static final String BUCKET = "postcondition-exports";
    private static final String EARLIER_EXPORT = "AWSDynamoDB/01700000000000-earlier/data/old.json.gz";

    @RegisterExtension
    static final MotoAws moto = new MotoAws("us-west-2");

    private static AwsClients aws;
    private static DynamoDbClient dynamo;
    private static S3Client s3;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        aws = moto.aws();
        dynamo = aws.get(DynamoDbClient.class, DynamoDbClient::builder, null);
        s3 = aws.get(S3Client.class, S3Client::builder, null);
        s3.createBucket(r -> r.bucket(BUCKET).createBucketConfiguration(c -> c.locationConstraint("us-west-2")));
    }

    private static String table(String name, boolean pitr) {
        dynamo.createTable(r -> r.tableName(name)
                .billingMode("PAY_PER_REQUEST")
                .keySchema(KeySchemaElement.builder()
                        .attributeName("id")
                        .keyType("HASH")
                        .build())
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("id")
                        .attributeType(ScalarAttributeType.S)
                        .build()));
        for (String id : List.of("u1", "u2", "u3"))
            dynamo.putItem(r -> r.tableName(name).item(Map.of("id", AttributeValue.fromS(id))));
        if (pitr)
            dynamo.updateContinuousBackups(
                    r -> r.tableName(name).pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        return dynamo.describeTable(r -> r.tableName(name)).table().tableArn();
    }

    private static String backup(String table, String name) {
        return dynamo.createBackup(r -> r.tableName(table).backupName(name))
                .backupDetails()
                .backupArn();
    }

    private StepRun run(String step) throws Exception {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            return Postconditions.run(Postconditions.declare(dir, Runbooks.engine(log, aws, Clock.systemUTC()), step));
        }
    }

    /** Runs the test's one step, {@code tamper} changing the live state right after the call named {@code operation}. */
    private StepRun run(String step, String operation, Runnable tamper) throws Exception {
        return runUntil(step, operation, () -> {
            tamper.run();
            return true;
        });
    }

    /** The same, {@code tamper} called after each such call until it says it changed something. */
    private StepRun runUntil(String step, String operation, BooleanSupplier tamper) throws Exception {
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            IncidentRun run = Postconditions.declare(dir, Runbooks.engine(log, aws, Clock.systemUTC()), step);
            AtomicBoolean tampered = Postconditions.after(run, operation, tamper);
            StepRun done = Postconditions.run(run);
            assertThat(tampered)
                    .as("the live state was changed after " + operation)
                    .isTrue();
            return done;
        }
    }

    @Test
    void enablingPitrReadsItBackEnabled() throws Exception {
        table("pitr-on", false);
        StepRun step = run(
                "{ id: step, title: PITR, phase: recovery, action: aws.dynamodb.enablePitr, with: { table: pitr-on } }");

        Postconditions.assertChecked(
                step, "point-in-time recovery of pitr-on reads ENABLED (DescribeContinuousBackups)");
        assertThat(step.outputs()).containsEntry("pitrStatus", "ENABLED");
    }

    @Test
    void pitrTurnedOffAgainFailsTheStep() throws Exception {
        table("pitr-off", false);
        StepRun step = run(
                "{ id: step, title: PITR, phase: recovery, action: aws.dynamodb.enablePitr, with: { table: pitr-off } }",
                "UpdateContinuousBackups",
                () -> dynamo.updateContinuousBackups(r -> r.tableName("pitr-off")
                        .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(false))));

        Postconditions.assertFailed(step, "Expected point-in-time recovery of pitr-off ENABLED, found DISABLED");
    }

    @Test
    void aPointInTimeRestoreReadsTheNewTableBackNamingItsSource() throws Exception {
        table("pitr-source", true);
        StepRun step = run("""
                { id: step, title: Restore, phase: recovery, action: aws.dynamodb.restoreToPointInTime,
                  with: { source: pitr-source, target: pitr-source-restored, useLatestRestorableTime: true } }""");

        Postconditions.assertChecked(
                step, "table pitr-source-restored exists (ACTIVE), restored from pitr-source (DescribeTable)");
    }

    @Test
    void aPointInTimeRestoreWhoseTableIsDeletedAtOnceFails() throws Exception {
        table("pitr-source-2", true);
        StepRun step = run(
                """
                { id: step, title: Restore, phase: recovery, action: aws.dynamodb.restoreToPointInTime,
                  with: { source: pitr-source-2, target: pitr-source-2-restored, useLatestRestorableTime: true } }""", "RestoreTableToPointInTime", () -> dynamo.deleteTable(r -> r.tableName("pitr-source-2-restored")));

        Postconditions.assertFailed(
                step,
                "Expected table pitr-source-2-restored restored from pitr-source-2 (CREATING or ACTIVE),"
                        + " found no table pitr-source-2-restored");
    }

    @Test
    void aBackupReadsBackByItsArn() throws Exception {
        table("backed-up", false);
        StepRun step = run(
                "{ id: step, title: Backup, phase: recovery, action: aws.dynamodb.createBackup, with: { table: backed-up, backupName: backed-up-daily } }");

        Postconditions.assertChecked(step, "backup backed-up-daily of backed-up exists (AVAILABLE, DescribeBackup)");
        assertThat(step.outputs().get("backupArn")).asString().contains("table/backed-up/backup/");
    }

    @Test
    void aBackupDeletedRightAfterItWasTakenFailsTheStep() throws Exception {
        table("backed-up-2", false);
        StepRun step = run(
                "{ id: step, title: Backup, phase: recovery, action: aws.dynamodb.createBackup, with: { table: backed-up-2, backupName: backed-up-2-daily } }",
                "CreateBackup",
                () -> dynamo.listBackups(r -> r.tableName("backed-up-2"))
                        .backupSummaries()
                        .forEach(b -> dynamo.deleteBackup(r -> r.backupArn(b.backupArn()))));

        Postconditions.assertFailed(
                step, "Expected backup backed-up-2-daily of backed-up-2 (CREATING or AVAILABLE), found no backup");
    }

    @Test
    void aRestoreFromBackupReadsTheNewTableBackNamingTheBackup() throws Exception {
        table("from-backup", false);
        String arn = backup("from-backup", "from-backup-1");
        StepRun step = run("""
                { id: step, title: Restore, phase: recovery, action: aws.dynamodb.restoreFromBackup,
                  with: { backupArn: "%s", target: from-backup-restored } }""".formatted(arn));

        Postconditions.assertChecked(
                step, "table from-backup-restored exists (ACTIVE), restored from " + arn + " (DescribeTable)");
    }

    @Test
    void aRestoredTableReplacedByOneFromAnotherBackupFailsTheStep() throws Exception {
        table("from-backup-2", false);
        String arn = backup("from-backup-2", "from-backup-2-a");
        String other = backup("from-backup-2", "from-backup-2-b");
        StepRun step = run("""
                { id: step, title: Restore, phase: recovery, action: aws.dynamodb.restoreFromBackup,
                  with: { backupArn: "%s", target: from-backup-2-restored } }""".formatted(arn), "RestoreTableFromBackup", () -> {
            dynamo.deleteTable(r -> r.tableName("from-backup-2-restored"));
            dynamo.restoreTableFromBackup(r -> r.backupArn(other).targetTableName("from-backup-2-restored"));
        });

        Postconditions.assertFailed(
                step,
                "Expected table from-backup-2-restored restored from " + arn + " (CREATING or ACTIVE),"
                        + " found from-backup-2-restored restored from " + other + ": another table took that name");
    }

    @Test
    void anExportReadsItsOwnNewFolderBackNotAnEarlierExport() throws Exception {
        String arn = table("exported", true);
        s3.putObject(r -> r.bucket(BUCKET).key("exported/" + EARLIER_EXPORT), RequestBody.fromString("earlier"));
        StepRun step = run("""
                { id: step, title: Export, phase: recovery, action: aws.dynamodb.exportToS3,
                  with: { tableArn: "%s", bucket: %s, prefix: exported } }""".formatted(arn, BUCKET));

        Postconditions.assertChecked(step, "1 file(s)");
        assertThat(step.message())
                .containsPattern("in s3://" + BUCKET + "/exported/AWSDynamoDB/[^/]+/ \\(ListObjectsV2\\);"
                        + " the export reports 3 item\\(s\\)")
                .doesNotContain("earlier");
        assertThat(step.outputs()).containsEntry("status", "COMPLETED");
    }

    @Test
    void anExportWhoseFilesAreRemovedBeforeTheReadBackFailsTheStep() throws Exception {
        String arn = table("exported-2", true);
        s3.putObject(r -> r.bucket(BUCKET).key("exported-2/" + EARLIER_EXPORT), RequestBody.fromString("earlier"));
        StepRun step = runUntil("""
                { id: step, title: Export, phase: recovery, action: aws.dynamodb.exportToS3,
                  with: { tableArn: "%s", bucket: %s, prefix: exported-2 } }""".formatted(arn, BUCKET), "DescribeExport", () -> {
            // Something (a lifecycle rule, another job) removes the export's files once DynamoDB has written them.
            List<S3Object> written =
                    s3.listObjectsV2(r -> r.bucket(BUCKET).prefix("exported-2/AWSDynamoDB/")).contents().stream()
                            .filter(o -> !o.key().endsWith(EARLIER_EXPORT))
                            .toList();
            written.forEach(o -> s3.deleteObject(r -> r.bucket(BUCKET).key(o.key())));
            return !written.isEmpty();
        });

        Postconditions.assertFailed(
                step,
                "Expected the export's files in a new folder under s3://" + BUCKET
                        + "/exported-2/AWSDynamoDB/, found no new folder");
    }

    @Test
    void aDeletedTableReadsBackGone() throws Exception {
        table("to-drop", false);
        StepRun step = run(
                "{ id: step, title: Drop, phase: recovery, action: aws.dynamodb.deleteTable, with: { table: to-drop }, confirm: to-drop }");

        Postconditions.assertChecked(step, "table to-drop is gone (DescribeTable: not found)");
        assertThat(step.outputs()).containsEntry("status", "DELETED");
    }

    @Test
    void aTableCreatedAgainRightAfterTheDeleteFailsTheStep() throws Exception {
        table("to-drop-2", false);
        StepRun step = run(
                "{ id: step, title: Drop, phase: recovery, action: aws.dynamodb.deleteTable, with: { table: to-drop-2 }, confirm: to-drop-2 }",
                "DeleteTable",
                () -> table("to-drop-2", false));

        Postconditions.assertFailed(step, "Expected table to-drop-2 gone or DELETING, found it ACTIVE");
    }
}
