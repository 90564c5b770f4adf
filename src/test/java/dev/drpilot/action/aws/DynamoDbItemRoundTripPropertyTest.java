package dev.drpilot.action.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.AdHocRunbook;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.IncidentLogStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Every DynamoDB attribute type survives the item-deletion recovery: generated items (S with
 * Unicode and empty strings, N large and high-precision, B, SS, NS, BS, M, L, NULL, BOOL, nested)
 * are written to a production table and its side table on moto, deleted from production, then
 * scanned from the side table into a file and batch-written back by the real engine, and read
 * back equal.
 */
class DynamoDbItemRoundTripPropertyTest {

    @RegisterExtension
    static final MotoAws moto = new MotoAws("us-west-2");

    private static AwsClients aws;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() throws Exception {
        aws = moto.aws();
        dynamo = aws.get(DynamoDbClient.class, DynamoDbClient::builder, null);
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 25);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyItemComesBackEqual(long seed) throws Exception {
        List<Map<String, AttributeValue>> items = new RandomItems(seed).items("seed " + seed);
        String production = "prod-" + seed;
        String side = production + "-restored";
        table(production);
        table(side);
        for (Map<String, AttributeValue> item : items) {
            dynamo.putItem(r -> r.tableName(production).item(item));
            dynamo.putItem(r -> r.tableName(side).item(item));
            dynamo.deleteItem(r -> r.tableName(production).key(Map.of("id", item.get("id"))));
        }
        Path dir = Files.createTempDirectory("roundtrip");
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice")) {
            IncidentRun run = AdHocRunbook.run(dir, log, """
                      - id: export
                        title: Export
                        phase: recovery
                        action: aws.dynamodb.scan
                        with: { table: %s, filterExpression: "attribute_exists(id)", expressionAttributeValues: {}, file: items.json }
                      - id: reimport
                        title: Reimport
                        phase: recovery
                        confirm: %s
                        action: aws.dynamodb.batchWrite
                        with: { table: %s, itemsFile: "${steps.export.file}", requestFile: restore-items.json }
                    """.formatted(side, production, production), aws);
            assertThat(run.step("export").state())
                    .as("seed %d, export: %s", seed, run.step("export").message())
                    .isEqualTo(StepState.SUCCEEDED);
            run.confirm("reimport", production).get(120, TimeUnit.SECONDS);
            for (StepRun step : run.steps())
                assertThat(step.state()).as(step.id() + ": " + step.message()).isEqualTo(StepState.SUCCEEDED);
        }
        for (Map<String, AttributeValue> item : items) {
            Map<String, AttributeValue> back = dynamo.getItem(r -> r.tableName(production)
                            .key(Map.of("id", item.get("id")))
                            .consistentRead(true))
                    .item();
            assertThat(DynamoJson.differences(item, back))
                    .as("seed %d, item %s", seed, item.get("id").s())
                    .isEmpty();
        }
    }

    private static void table(String name) {
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
    }
}
