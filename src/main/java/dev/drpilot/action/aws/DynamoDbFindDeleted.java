package dev.drpilot.action.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import dev.drpilot.action.PrivateFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * aws.dynamodb.findDeleted: the items a restored side table has and the live table lacks (every
 * one, or only those whose key is among the ids given), saved, as a scan saves them, to a file
 * of the incident's own for a batch-write to put back. Several deleted items in one incident.
 */
public final class DynamoDbFindDeleted implements Action {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsClients clients;

    public DynamoDbFindDeleted(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.dynamodb.findDeleted";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context)
            throws ActionException, InterruptedException {
        Args args = new Args(values);
        String side = args.required("sideTable");
        String live = args.required("table");
        String file = args.required("file");
        Set<String> ids = ids(args.text("ids"));
        DynamoDbClient dynamo = clients.get(DynamoDbClient.class, DynamoDbClient::builder, args.text("region"));
        List<String> keyNames = AwsCall.run(
                        context,
                        clients,
                        "DynamoDB",
                        "DescribeTable",
                        "dynamodb:DescribeTable",
                        () -> dynamo.describeTable(r -> r.tableName(live)))
                .table()
                .keySchema()
                .stream()
                .map(KeySchemaElement::attributeName)
                .toList();
        List<Map<String, AttributeValue>> candidates = new ArrayList<>();
        for (Map<String, AttributeValue> item : scan(context, dynamo, side)) {
            if (ids.isEmpty() || ids.contains(keyText(item.get(keyNames.get(0))))) candidates.add(item);
        }
        Set<Map<String, AttributeValue>> present =
                new DynamoDbKeyReads(clients, context, dynamo).present(live, keyNames, candidates);
        List<Map<String, Object>> missing = new ArrayList<>();
        for (Map<String, AttributeValue> item : candidates) {
            if (!present.contains(DynamoDbKeyReads.key(item, keyNames))) missing.add(DynamoJson.toJson(item));
        }
        save(Path.of(file), missing);
        String scope = ids.isEmpty() ? "" : " among the " + ids.size() + " id(s) given";
        return ActionResult.of(
                missing.size() + " item(s) of " + side + " are missing from " + live + scope + ", saved to " + file
                        + " (readable by you alone)",
                Map.of("items", missing, "count", missing.size(), "file", file));
    }

    private static Set<String> ids(String given) {
        if (given == null || given.isBlank()) return Set.of();
        return new HashSet<>(Arrays.stream(given.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList());
    }

    private List<Map<String, AttributeValue>> scan(ActionContext context, DynamoDbClient dynamo, String table)
            throws ActionException {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = AwsCall.run(
                    context,
                    clients,
                    "DynamoDB",
                    "Scan",
                    "dynamodb:Scan",
                    () -> dynamo.scan(r -> r.tableName(table).exclusiveStartKey(from)));
            items.addAll(page.items());
            context.progress("Read " + items.size() + " item(s) of " + table, null);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    private static String keyText(AttributeValue value) {
        if (value == null) return null;
        return value.s() != null ? value.s() : value.n();
    }

    private static void save(Path file, List<Map<String, Object>> items) throws ActionException {
        Map<String, Object> asTheCliWritesIt = new LinkedHashMap<>();
        asTheCliWritesIt.put("Items", items);
        asTheCliWritesIt.put("Count", items.size());
        try {
            PrivateFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(asTheCliWritesIt));
        } catch (IOException e) {
            throw ActionException.permanent("Cannot write the items to " + file + " (" + e.getMessage()
                    + "): free some space or fix the folder's permissions, then retry this step");
        }
    }
}
