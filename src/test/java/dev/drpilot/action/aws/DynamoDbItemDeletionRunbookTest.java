package dev.drpilot.action.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.app.EngineWiring;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The whole WebApp item-deletion runbook, every step through the engine against moto: the deleted user comes back. */
class DynamoDbItemDeletionRunbookTest {

    @TempDir
    Path dir;

    /** The runbook's scan saves the items where an operator would find them: the working folder. */
    @org.junit.jupiter.api.AfterEach
    void removeTheScanFile() throws Exception {
        Files.deleteIfExists(Path.of("deleted-items.json"));
    }

    @Test
    void restoresASideTableFindsTheDeletedItemWritesItBackAndRemovesTheSideTable() throws Exception {
        try (MotoServer moto = MotoServer.start(); AwsClients aws = new AwsClients(moto.settings("us-west-2"))) {
            DynamoDbClient dynamo = aws.get(DynamoDbClient.class, DynamoDbClient::builder, null);
            dynamo.createTable(r -> r.tableName("webapp-users").billingMode("PAY_PER_REQUEST")
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType("HASH").build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build()));
            dynamo.updateContinuousBackups(r -> r.tableName("webapp-users").pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
            for (String id : List.of("u1", "u2", "u3")) {
                dynamo.putItem(r -> r.tableName("webapp-users").item(Map.of("id", AttributeValue.fromS(id),
                        "email", AttributeValue.fromS(id + "@example.com"), "logins", AttributeValue.fromN("7"))));
            }
            Instant beforeDeletion = dynamo.describeContinuousBackups(r -> r.tableName("webapp-users")).continuousBackupsDescription()
                    .pointInTimeRecoveryDescription().latestRestorableDateTime();

            Runbook runbook = new RunbookLoader(ActionCatalog.builtIn())
                    .load(List.of(Path.of("runbooks/webapp-dynamodb-item-deletion.yaml"))).runbooks().get(0);
            try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
                IncidentRun run = EngineWiring.engine(log, aws).declare(runbook,
                        Map.of("restoreTime", beforeDeletion.toString(), "deletedId", "u2"),
                        new NewIncident(runbook.id(), runbook.title(), IncidentMode.REHEARSAL, null, null, null));

                run.start("restore").get(120, TimeUnit.SECONDS);
                run.start("wait").get(120, TimeUnit.SECONDS);
                // moto restores a table's current items rather than its history, so the item is deleted
                // from production only now, once the side table holds the state from before the deletion
                dynamo.deleteItem(r -> r.tableName("webapp-users").key(Map.of("id", AttributeValue.fromS("u2"))));
                run.runToNextConfirmation().get(120, TimeUnit.SECONDS);
                assertThat(run.steps()).extracting(StepRun::state).containsExactly(StepState.SUCCEEDED, StepState.SUCCEEDED,
                        StepState.SUCCEEDED, StepState.AWAITING_CONFIRMATION, StepState.PENDING);
                assertThat(run.step("export").outputs()).containsEntry("count", 1);
                assertThat(dynamo.getItem(r -> r.tableName("webapp-users").key(Map.of("id", AttributeValue.fromS("u2")))).hasItem()).isFalse();

                run.confirm("reimport", "webapp-users").get(120, TimeUnit.SECONDS);
                run.confirm("cleanup", "webapp-users-restored").get(120, TimeUnit.SECONDS);

                assertThat(run.steps()).extracting(StepRun::state).containsOnly(StepState.SUCCEEDED);
                Map<String, AttributeValue> back = dynamo.getItem(r -> r.tableName("webapp-users")
                        .key(Map.of("id", AttributeValue.fromS("u2")))).item();
                assertThat(back).containsEntry("email", AttributeValue.fromS("u2@example.com")).containsEntry("logins", AttributeValue.fromN("7"));
                assertThat(dynamo.listTables().tableNames()).containsExactly("webapp-users");
            }
        }
    }
}
