package dev.drpilot.action.aws;

import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Which of some keys a table has: BatchGetItem by 100, consistent reads, unprocessed keys asked again with backoff. */
final class DynamoDbKeyReads {

    private static final int BATCH_GET = 100;
    private static final int ROUNDS = 8;

    private final AwsClients clients;
    private final ActionContext context;
    private final DynamoDbClient dynamo;

    DynamoDbKeyReads(AwsClients clients, ActionContext context, DynamoDbClient dynamo) {
        this.clients = clients;
        this.context = context;
        this.dynamo = dynamo;
    }

    /** The keys of the given items (only their key attributes count) that the table has. */
    Set<Map<String, AttributeValue>> present(
            String table, List<String> keyNames, List<Map<String, AttributeValue>> items)
            throws ActionException, InterruptedException {
        Set<Map<String, AttributeValue>> present = new HashSet<>();
        for (int i = 0; i < items.size(); i += BATCH_GET) {
            List<Map<String, AttributeValue>> keys = items.subList(i, Math.min(i + BATCH_GET, items.size())).stream()
                    .map(item -> key(item, keyNames))
                    .distinct()
                    .toList();
            Map<String, KeysAndAttributes> pending = Map.of(
                    table,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            for (int round = 0; !pending.isEmpty(); round++) {
                if (round == ROUNDS)
                    throw ActionException.transientFailure("DynamoDB kept keys of " + table + " unprocessed: retrying");
                Map<String, KeysAndAttributes> ask = pending;
                BatchGetItemResponse got = AwsCall.run(
                        context,
                        clients,
                        "DynamoDB",
                        "BatchGetItem",
                        "dynamodb:BatchGetItem",
                        () -> dynamo.batchGetItem(r -> r.requestItems(ask)));
                got.responses().getOrDefault(table, List.of()).forEach(item -> present.add(key(item, keyNames)));
                pending = got.hasUnprocessedKeys() ? got.unprocessedKeys() : Map.of();
                if (!pending.isEmpty()) context.pause(Duration.ofMillis(250L << Math.min(round, 6)));
            }
        }
        return present;
    }

    static Map<String, AttributeValue> key(Map<String, AttributeValue> item, List<String> keyNames) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        keyNames.forEach(name -> key.put(name, item.get(name)));
        return key;
    }
}
