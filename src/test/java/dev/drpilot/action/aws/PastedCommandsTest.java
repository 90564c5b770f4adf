package dev.drpilot.action.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.ActionContract;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
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

/**
 * The equivalent commands the app shows, pasted into a shell with the aws CLI against the same
 * emulator, reach the same end state as the app's own steps: the S3 undelete (one command per
 * delete marker the list step found, keys deleted twice included) and the DynamoDB scan and
 * batch-write (through the files the app wrote).
 */
class PastedCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final MotoAws moto = new MotoAws("us-east-1");

    private static AwsClients aws;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(onPath("aws"), "the aws CLI is not on the PATH: these tests paste its commands");
        aws = moto.aws();
    }

    private static boolean onPath(String tool) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, tool)));
    }

    /** Runs a command line as an operator pastes it, with the emulator as AWS. */
    private String paste(String command) throws Exception {
        ProcessBuilder shell = new ProcessBuilder("bash", "-c", command)
                .directory(dir.toFile())
                .redirectErrorStream(true);
        shell.environment()
                .putAll(Map.of(
                        "AWS_ENDPOINT_URL",
                        moto.server().endpoint.toString(),
                        "AWS_ACCESS_KEY_ID",
                        "testing",
                        "AWS_SECRET_ACCESS_KEY",
                        "testing",
                        "AWS_DEFAULT_REGION",
                        "us-east-1",
                        "AWS_CONFIG_FILE",
                        "/dev/null",
                        "AWS_SHARED_CREDENTIALS_FILE",
                        "/dev/null"));
        Process process = shell.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(command + "\n" + output).isZero();
        return output;
    }

    private static IncidentRun declare(IncidentLogStore log, String runbookId, Map<String, String> params)
            throws Exception {
        Runbook runbook = Runbooks.load(runbookId);
        return DrPilotServices.fromEnvironment()
                .engine(log, aws)
                .declare(
                        runbook,
                        params,
                        new NewIncident(runbook.id(), runbook.title(), IncidentMode.REHEARSAL, null, null, null));
    }

    @Test
    void theS3UndeleteCommandsBringBackWhatTheAppBringsBack() throws Exception {
        S3Client s3 = aws.get(S3Client.class, S3Client::builder, null);
        String prefix = "segments/ds/";
        for (String bucket : List.of("by-the-app", "by-the-commands")) {
            s3.createBucket(r -> r.bucket(bucket));
            s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(c -> c.status("Enabled")));
            for (String key : List.of("once.gz", "twice.gz", "odd name's.gz")) {
                s3.putObject(r -> r.bucket(bucket).key(prefix + key), RequestBody.fromString(key));
                s3.deleteObject(r -> r.bucket(bucket).key(prefix + key));
            }
            s3.deleteObject(r -> r.bucket(bucket).key(prefix + "twice.gz"));
        }
        ActionContract undelete =
                ActionCatalog.builtIn().find("aws.s3.removeDeleteMarkers").orElseThrow();
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            Map<String, String> params =
                    Map.of("prefix", prefix, "datasource", "ds", "interval", "2024-01-15/2024-01-16");
            IncidentRun app = declare(log, "druid-s3-segment-deletion", withBucket(params, "by-the-app"));
            app.start("undelete").get(60, TimeUnit.SECONDS);
            app.confirm("undelete", "by-the-app").get(60, TimeUnit.SECONDS);
            assertThat(app.step("undelete").state()).isEqualTo(StepState.SUCCEEDED);

            IncidentRun operator = declare(log, "druid-s3-segment-deletion", withBucket(params, "by-the-commands"));
            operator.start("list").get(60, TimeUnit.SECONDS);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> markers =
                    (List<Map<String, Object>>) operator.step("list").outputs().get("deleteMarkers");
            assertThat(markers).hasSize(4);
            for (Map<String, Object> marker : markers) {
                paste(undelete.renderCommand(Map.of(
                        "bucket",
                        "by-the-commands",
                        "prefix",
                        prefix,
                        "key",
                        marker.get("key"),
                        "versionId",
                        marker.get("versionId"))));
            }
        }
        assertThat(contents(s3, "by-the-commands", prefix))
                .isEqualTo(contents(s3, "by-the-app", prefix))
                .hasSize(3);
    }

    private static Map<String, String> withBucket(Map<String, String> params, String bucket) {
        Map<String, String> all = new TreeMap<>(params);
        all.put("bucket", bucket);
        return all;
    }

    private static Map<String, String> contents(S3Client s3, String bucket, String prefix) {
        Map<String, String> contents = new TreeMap<>();
        s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix))
                .contents()
                .forEach(o -> contents.put(
                        o.key(),
                        s3.getObjectAsBytes(r -> r.bucket(bucket).key(o.key())).asUtf8String()));
        return contents;
    }

    @Test
    void theDynamoDbCommandsFindAndWriteBackTheItemTheAppDoes() throws Exception {
        DynamoDbClient dynamo = aws.get(DynamoDbClient.class, DynamoDbClient::builder, null);
        dynamo.createTable(r -> r.tableName("users")
                .billingMode("PAY_PER_REQUEST")
                .keySchema(KeySchemaElement.builder()
                        .attributeName("id")
                        .keyType("HASH")
                        .build())
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("id")
                        .attributeType(ScalarAttributeType.S)
                        .build()));
        dynamo.updateContinuousBackups(
                r -> r.tableName("users").pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        // No binary attribute: the aws CLI v1 on these machines writes a base64 value from a file as its text (v2
        // decodes it),
        // as the catalogue says of this command.
        Map<String, AttributeValue> item = Map.of(
                "id",
                AttributeValue.fromS("u 2's"),
                "tags",
                AttributeValue.fromSs(List.of("a", "b")),
                "n",
                AttributeValue.fromN("3.25"),
                "profile",
                AttributeValue.fromM(Map.of("ok", AttributeValue.fromBool(true))));
        dynamo.putItem(r -> r.tableName("users").item(item));
        Instant before = dynamo.describeContinuousBackups(r -> r.tableName("users"))
                .continuousBackupsDescription()
                .pointInTimeRecoveryDescription()
                .latestRestorableDateTime();
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            IncidentRun run = declare(
                    log,
                    "webapp-dynamodb-item-deletion",
                    Map.of("table", "users", "restoreTime", before.toString(), "deletedIds", "u 2's"));
            run.start("restore").get(120, TimeUnit.SECONDS);
            run.start("wait").get(120, TimeUnit.SECONDS);
            dynamo.deleteItem(r -> r.tableName("users").key(Map.of("id", item.get("id"))));
            run.start("export").get(120, TimeUnit.SECONDS);
            Path appItems = Path.of((String) run.step("export").outputs().get("file"));

            String scan = run.step("export")
                    .command()
                    .replace(
                            appItems.toString(),
                            dir.resolve("pasted-items.json").toString());
            paste(scan);
            List<JsonNode> pasted = new ArrayList<>();
            JSON.readTree(dir.resolve("pasted-items.json").toFile())
                    .get("Items")
                    .forEach(pasted::add);
            assertThat(pasted)
                    .as("the side table's scan holds the item the app found missing")
                    .contains(JSON.readTree(appItems.toFile()).get("Items").get(0));

            run.start("reimport").get(60, TimeUnit.SECONDS);
            run.confirm("reimport", "1 users").get(120, TimeUnit.SECONDS);
            assertThat(run.step("reimport").state()).isEqualTo(StepState.SUCCEEDED);
            dynamo.deleteItem(r -> r.tableName("users").key(Map.of("id", item.get("id"))));

            JsonNode unprocessed =
                    JSON.readTree(paste(run.step("reimport").command())).get("UnprocessedItems");
            assertThat(unprocessed.isEmpty()).isTrue();
        }
        Map<String, AttributeValue> back = dynamo.getItem(r ->
                        r.tableName("users").key(Map.of("id", item.get("id"))).consistentRead(true))
                .item();
        assertThat(DynamoJson.differences(item, back)).isEmpty();
    }
}
