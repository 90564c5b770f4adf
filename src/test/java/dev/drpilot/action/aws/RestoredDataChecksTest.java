package dev.drpilot.action.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * The checks of restored data, run by the engine on moto: a DynamoDB table's exact item count and
 * the keys that must be back, and the objects under an S3 prefix read again. Each fails with what
 * it expected and what it found.
 */
class RestoredDataChecksTest {

    private static final String TABLE = "webapp-users-checked";
    private static final String BUCKET = "fff-druid-deep-storage-checked";
    private static final String PREFIX = "segments/events_2024-01-15/";

    @RegisterExtension
    static final MotoAws moto = new MotoAws("us-east-1");

    private static AwsClients aws;

    @TempDir
    Path dir;

    @BeforeAll
    static void seed() {
        aws = moto.aws();
        DynamoDbClient dynamo = aws.get(DynamoDbClient.class, DynamoDbClient::builder, null);
        dynamo.createTable(r -> r.tableName(TABLE)
                .billingMode("PAY_PER_REQUEST")
                .keySchema(KeySchemaElement.builder()
                        .attributeName("id")
                        .keyType("HASH")
                        .build())
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("id")
                        .attributeType(ScalarAttributeType.S)
                        .build()));
        for (int i = 1; i <= 30; i++) {
            String id = "user-" + i;
            dynamo.putItem(r -> r.tableName(TABLE)
                    .item(Map.of("id", AttributeValue.fromS(id), "plan", AttributeValue.fromS("pro"))));
        }
        S3Client s3 = aws.get(S3Client.class, S3Client::builder, null);
        s3.createBucket(r -> r.bucket(BUCKET));
        s3.putBucketVersioning(r -> r.bucket(BUCKET).versioningConfiguration(c -> c.status("Enabled")));
        for (int i = 0; i < 3; i++) {
            String key = PREFIX + "segment-" + i + ".gz";
            s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString("segment " + i));
        }
        s3.putObject(
                r -> r.bucket(BUCKET).key("archived/segment-old.gz").storageClass(StorageClass.GLACIER),
                RequestBody.fromString("old"));
        s3.putObject(r -> r.bucket(BUCKET).key("deleted/segment-0.gz"), RequestBody.fromString("gone"));
        s3.deleteObject(r -> r.bucket(BUCKET).key("deleted/segment-0.gz"));
    }

    private Path itemsFile(String... ids) throws Exception {
        StringBuilder items = new StringBuilder();
        for (String id : ids)
            items.append(items.isEmpty() ? "" : ",")
                    .append("{\"id\":{\"S\":\"")
                    .append(id)
                    .append("\"},\"plan\":{\"S\":\"pro\"}}");
        return Files.writeString(
                dir.resolve("deleted-items.json"), "{\"Items\":[" + items + "],\"Count\":" + ids.length + "}");
    }

    @Test
    void theTableHoldsItsItemsAndEveryRestoredKey() throws Exception {
        Path file = itemsFile("user-3", "user-17", "user-30");

        StepRun check = OneStep.run(
                dir,
                aws,
                "{ id: change, title: Check, phase: recovery, action: aws.dynamodb.checkItems, with: { table: " + TABLE
                        + ", itemsFile: \"" + file + "\", ids: \"user-1, user-2\", atLeast: 30 } }");

        assertThat(check.state()).as(check.message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(check.outputs())
                .containsEntry("itemCount", 30L)
                .containsEntry("keysChecked", 5)
                .containsEntry("missing", List.of());
        assertThat(check.message())
                .contains("Checked: 30 item(s) in " + TABLE + " (counted by a scan), at least the 30 expected,"
                        + " and all 5 key(s) asked for read back by BatchGetItem");
    }

    @Test
    void aMissingKeyOrTooFewItemsFailTheCheckWithWhatWasExpectedAndFound() throws Exception {
        Path file = itemsFile("user-3", "user-31", "user-42");

        StepRun check = OneStep.run(
                dir,
                aws,
                "{ id: change, title: Check, phase: recovery, action: aws.dynamodb.checkItems, with: { table: " + TABLE
                        + ", itemsFile: \"" + file + "\", atLeast: 32 } }");

        assertThat(check.state()).isEqualTo(StepState.FAILED);
        assertThat(check.message())
                .contains(TABLE + " does not hold the restored data: expected at least 32 item(s), found 30;"
                        + " expected all 3 key(s) present, 2 missing: id=user-31, id=user-42");
    }

    @Test
    void everyObjectUnderThePrefixReadsAgain() throws Exception {
        StepRun check = OneStep.run(
                dir,
                aws,
                "{ id: change, title: Check, phase: recovery, action: aws.s3.checkReadable, with: { bucket: " + BUCKET
                        + ", prefix: \"" + PREFIX + "\", atLeast: 3 } }");

        assertThat(check.state()).as(check.message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(check.outputs()).containsEntry("readable", 3).containsEntry("bytes", 27L);
        assertThat(check.message())
                .contains("Checked: the current version of each of the 3 object(s) under s3://" + BUCKET + "/" + PREFIX
                        + " listed and its first byte read (GetObject)");
    }

    @Test
    void anArchivedObjectIsListedButNotReadableAndFailsTheCheck() throws Exception {
        StepRun check = OneStep.run(
                dir,
                aws,
                "{ id: change, title: Check, phase: recovery, action: aws.s3.checkReadable, with: { bucket: " + BUCKET
                        + ", prefix: archived/ } }");

        assertThat(check.state()).isEqualTo(StepState.FAILED);
        assertThat(check.message())
                .contains("Expected at least 1 readable object(s) and none unreadable under s3://" + BUCKET
                        + "/archived/, found 1 object(s) under s3://" + BUCKET
                        + "/archived/, 1 unreadable: archived/segment-old.gz (InvalidObjectState)");
    }

    @Test
    void aKeyStillUnderItsDeleteMarkerIsNotThere() throws Exception {
        StepRun check = OneStep.run(
                dir,
                aws,
                "{ id: change, title: Check, phase: recovery, action: aws.s3.checkReadable, with: { bucket: " + BUCKET
                        + ", prefix: deleted/ } }");

        assertThat(check.state()).isEqualTo(StepState.FAILED);
        assertThat(check.message())
                .contains("Expected at least 1 readable object(s) and none unreadable under s3://" + BUCKET
                        + "/deleted/, found 0 object(s)");
    }
}
