package dev.drpilot.action.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.IncidentListener;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.timeline.Postmortem;
import dev.drpilot.timeline.PostmortemWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The whole WebApp item-deletion runbook, every step through the engine against moto, on an item
 * of every attribute type that carries secrets in every shape: the item comes back exactly, its
 * files stay in the incident's own folder, and no secret reaches the log file or any export.
 */
class DynamoDbItemDeletionRunbookTest {

    private static final String TOKEN = "canary-typed-token-7Qx";
    private static final String NESTED = "canary-nested-password-3Kd";
    private static final String IN_LIST = "canary-list-secret-9Zr";
    private static final String PAIR = "canary-pair-value-5Mw";
    private static final String IN_TEXT = "canary-text-token-2Vb";
    private static final List<String> CANARIES = List.of(TOKEN, NESTED, IN_LIST, PAIR, IN_TEXT);

    @RegisterExtension
    static final MotoAws moto = new MotoAws("us-west-2");

    private static AwsClients aws;
    private static DynamoDbClient dynamo;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        aws = moto.aws();
        dynamo = aws.get(DynamoDbClient.class, DynamoDbClient::builder, null);
    }

    /** An item of every type, with a secret in every shape a redactor can miss. */
    private static Map<String, AttributeValue> user(String id) {
        return Map.ofEntries(
                Map.entry("id", AttributeValue.fromS(id)),
                Map.entry("email", AttributeValue.fromS(id + "@example.com")),
                Map.entry("logins", AttributeValue.fromN("12345678901234567890123456789012345678")),
                Map.entry("balance", AttributeValue.fromN("-0.000000000000000000012345")),
                Map.entry("avatar", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, -1, 42}))),
                Map.entry("roles", AttributeValue.fromSs(List.of("admin", "ünï", "段"))),
                Map.entry("scores", AttributeValue.fromNs(List.of("1.5", "-2", "1e3"))),
                Map.entry(
                        "keys",
                        AttributeValue.fromBs(
                                List.of(SdkBytes.fromUtf8String("k1"), SdkBytes.fromByteArray(new byte[] {7})))),
                Map.entry("active", AttributeValue.fromBool(true)),
                Map.entry("deletedAt", AttributeValue.fromNul(true)),
                Map.entry("nickname", AttributeValue.fromS("")),
                Map.entry("apiToken", AttributeValue.fromS(TOKEN)),
                Map.entry(
                        "profile",
                        AttributeValue.fromM(Map.of(
                                "settings",
                                AttributeValue.fromM(Map.of(
                                        "dbPassword",
                                                AttributeValue.fromM(Map.of("value", AttributeValue.fromS(NESTED))),
                                        "theme", AttributeValue.fromS("dark")))))),
                Map.entry("clientSecrets", AttributeValue.fromL(List.of(AttributeValue.fromS(IN_LIST)))),
                Map.entry(
                        "attributes",
                        AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                                "Name",
                                AttributeValue.fromS("custom:api_key"),
                                "Value",
                                AttributeValue.fromS(PAIR)))))),
                Map.entry("lastRequest", AttributeValue.fromS("GET /v1/me?access_token=" + IN_TEXT + "&x=1")));
    }

    private static void productionTableWith(String table, List<String> ids) {
        dynamo.createTable(r -> r.tableName(table)
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
                r -> r.tableName(table).pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        for (String id : ids) dynamo.putItem(r -> r.tableName(table).item(user(id)));
    }

    /** Declares the runbook and runs it to the reimport's confirmation; the items are deleted once the side table exists. */
    private IncidentRun runToReimport(IncidentLogStore log, String table, String deletedIds, String... deleted)
            throws Exception {
        Instant beforeDeletion = dynamo.describeContinuousBackups(r -> r.tableName(table))
                .continuousBackupsDescription()
                .pointInTimeRecoveryDescription()
                .latestRestorableDateTime();
        Runbook runbook = Runbooks.load("webapp-dynamodb-item-deletion");
        IncidentRun run = DrPilotServices.fromEnvironment()
                .engine(log, aws)
                .declare(
                        runbook,
                        Map.of("table", table, "restoreTime", beforeDeletion.toString(), "deletedIds", deletedIds),
                        new NewIncident(runbook.id(), runbook.title(), IncidentMode.REHEARSAL, null, null, null));
        run.start("restore").get(120, TimeUnit.SECONDS);
        run.start("wait").get(120, TimeUnit.SECONDS);
        // moto restores a table's current items rather than its history, so the item is deleted
        // from production only now, once the side table holds the state from before the deletion
        for (String id : deleted)
            dynamo.deleteItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS(id))));
        run.runToNextConfirmation().get(120, TimeUnit.SECONDS);
        assertThat(run.step("export").state()).as(run.step("export").message()).isEqualTo(StepState.SUCCEEDED);
        return run;
    }

    @Test
    void theItemOfEveryTypeComesBackExactlyItsFilesStayPrivateAndNoSecretIsWrittenOrShown() throws Exception {
        productionTableWith("webapp-users", List.of("u1", "u2", "u3"));
        Path logFile = dir.resolve("log");
        String incidentId;
        try (IncidentLogStore log = IncidentLogStore.open(logFile, Clock.systemUTC(), "alice")) {
            IncidentRun run = runToReimport(log, "webapp-users", "u2", "u2");
            incidentId = run.incidentId();
            Path folder = log.incidentFolder(incidentId);
            Path items = folder.resolve("deleted-items.json");
            assertThat(run.step("export").outputs()).containsEntry("count", 1).containsEntry("file", items.toString());
            assertThat(Files.readString(items)).contains(TOKEN);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(items)))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                    .isEqualTo("rwx------");
            assertThat(Path.of("deleted-items.json"))
                    .as("nothing written to the working folder")
                    .doesNotExist();
            assertThat(run.step("reimport").command())
                    .isEqualTo("aws dynamodb batch-write-item --request-items file://"
                            + folder.resolve("restore-items.json"));

            assertThat(run.confirmationText("reimport")).isEqualTo("1 webapp-users");
            run.confirm("reimport", "1 webapp-users").get(120, TimeUnit.SECONDS);
            StepRun reimport = run.step("reimport");
            assertThat(reimport.state()).as(reimport.message()).isEqualTo(StepState.SUCCEEDED);
            assertThat(reimport.message())
                    .contains("Checked: item u2 read back, " + user("u2").size() + " attributes equal");
            assertThat(Files.readString(folder.resolve("restore-items.json")))
                    .as("the file the command names holds the request")
                    .contains("\"webapp-users\"", "PutRequest", "\"BS\"", TOKEN);
            assertThat(run.step("items-back").message())
                    .contains("and all 1 key(s) asked for read back by BatchGetItem");
            assertThat(log.events(incidentId))
                    .as("the check of the items, not the clean-up, says the service is back")
                    .filteredOn(e -> e.kind() == dev.drpilot.incident.EventKind.INCIDENT_RECOVERED)
                    .singleElement()
                    .satisfies(e -> assertThat(e.payload()).contains("\"by\":\"step items-back\""));
            run.confirm("cleanup", "webapp-users-restored").get(120, TimeUnit.SECONDS);
            assertThat(run.steps()).extracting(StepRun::state).containsOnly(StepState.SUCCEEDED);

            Map<String, AttributeValue> back = dynamo.getItem(r -> r.tableName("webapp-users")
                            .key(Map.of("id", AttributeValue.fromS("u2")))
                            .consistentRead(true))
                    .item();
            assertThat(DynamoJson.differences(user("u2"), back)).isEmpty();

            for (StepRun step : run.steps()) {
                for (String canary : CANARIES) {
                    assertThat(step.outputs().toString() + step.message())
                            .as("shown for step " + step.id())
                            .doesNotContain(canary);
                }
            }
            var incident = log.incident(incidentId).orElseThrow();
            for (String format : List.of("md", "html", "json", "csv")) {
                StringWriter out = new StringWriter();
                PostmortemWriter.forFormat(format)
                        .write(Postmortem.of(incident, Optional.of(run.runbook()), log.events(incidentId)), out);
                for (String canary : CANARIES)
                    assertThat(out.toString()).as(format + " export").doesNotContain(canary);
            }
            assertThat(log.events(incidentId).toString()).contains("[redacted]");
        }
        String raw = new String(Files.readAllBytes(Path.of(logFile + ".mv.db")), StandardCharsets.ISO_8859_1);
        for (String canary : CANARIES) assertThat(raw).as("the raw H2 file").doesNotContain(canary);
    }

    @Test
    void anItemChangedByAnotherWriterBeforeTheReadBackFailsTheStepWithoutShowingItsValues() throws Exception {
        productionTableWith("webapp-accounts", List.of("a1", "a2"));
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            IncidentRun run = runToReimport(log, "webapp-accounts", "a2", "a2");
            AtomicBoolean tampered = new AtomicBoolean();
            run.addListener(new IncidentListener() {
                @Override
                public void stepChanged(StepRun step) {}

                @Override
                public void logged(IncidentEvent event) {
                    // Another writer changes the item after the write, before the read-back.
                    if (event.kind() == EventKind.API_CALL
                            && event.payload().contains("DescribeTable")
                            && tampered.compareAndSet(false, true)) {
                        dynamo.updateItem(r -> r.tableName("webapp-accounts")
                                .key(Map.of("id", AttributeValue.fromS("a2")))
                                .updateExpression("SET email = :e")
                                .expressionAttributeValues(Map.of(":e", AttributeValue.fromS("x@evil.test"))));
                    }
                }
            });
            run.confirm("reimport", "1 webapp-accounts").get(120, TimeUnit.SECONDS);
            StepRun reimport = run.step("reimport");
            assertThat(tampered).isTrue();
            assertThat(reimport.state()).isEqualTo(StepState.FAILED);
            assertThat(reimport.message())
                    .contains("read-back does not match", "item a2 differs in email")
                    .doesNotContain("x@evil.test", "a2@example.com");
        }
    }

    @Test
    void severalDeletedItemsComeBackInOneIncidentAndTheOperatorConfirmsTheirCount() throws Exception {
        productionTableWith("webapp-teams", List.of("t1", "t2", "t3", "t4", "t5"));
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            IncidentRun every = runToReimport(log, "webapp-teams", "", "t1", "t3", "t4");
            assertThat(every.step("export").outputs()).containsEntry("count", 3);
            assertThat(every.confirmationText("reimport")).isEqualTo("3 webapp-teams");
            every.confirm("reimport", "3 webapp-teams").get(120, TimeUnit.SECONDS);
            assertThat(every.step("reimport").message()).contains("Checked: 3 items read back by key");
        }
        for (String id : List.of("t1", "t3", "t4")) {
            assertThat(DynamoJson.differences(
                            user(id),
                            dynamo.getItem(r -> r.tableName("webapp-teams")
                                            .key(Map.of("id", AttributeValue.fromS(id)))
                                            .consistentRead(true))
                                    .item()))
                    .isEmpty();
        }
    }

    @Test
    void onlyTheIdsGivenAreBroughtBack() throws Exception {
        productionTableWith("webapp-orgs", List.of("o1", "o2", "o3"));
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            IncidentRun some = runToReimport(log, "webapp-orgs", "o1, o3, o-never-existed", "o1", "o2", "o3");
            assertThat(some.step("export").outputs()).containsEntry("count", 2);
            some.confirm("reimport", "2 webapp-orgs").get(120, TimeUnit.SECONDS);
            assertThat(some.step("reimport").state()).isEqualTo(StepState.SUCCEEDED);
        }
        assertThat(dynamo.getItem(r -> r.tableName("webapp-orgs").key(Map.of("id", AttributeValue.fromS("o2"))))
                        .hasItem())
                .isFalse();
        assertThat(dynamo.getItem(r -> r.tableName("webapp-orgs").key(Map.of("id", AttributeValue.fromS("o3"))))
                        .hasItem())
                .isTrue();
    }
}
