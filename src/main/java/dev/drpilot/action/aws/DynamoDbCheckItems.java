package dev.drpilot.action.aws;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * aws.dynamodb.checkItems: proves a table holds the restored data: its exact item count (a
 * counting scan, not DescribeTable's six-hourly estimate), at least a number when given, and
 * every key of a list present (the items a find step saved to a file, or ids of the partition key),
 * read by BatchGetItem.
 */
public final class DynamoDbCheckItems implements Action {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN = 10;

    private final AwsClients clients;

    public DynamoDbCheckItems(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.dynamodb.checkItems";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context)
            throws ActionException, InterruptedException {
        Args args = new Args(values);
        String table = args.required("table");
        Integer atLeast = blank(args.text("atLeast")) ? null : args.integer("atLeast");
        if (atLeast != null && atLeast < 0)
            throw ActionException.permanent("atLeast: " + atLeast + " is below zero; give the item count expected");
        List<Map<String, Object>> fromFile = itemsFile(args.text("itemsFile"));
        List<String> ids = blank(args.text("ids"))
                ? List.of()
                : Arrays.stream(args.text("ids").split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
        DynamoDbClient dynamo = clients.get(DynamoDbClient.class, DynamoDbClient::builder, args.text("region"));
        TableDescription description = AwsCall.run(
                        context,
                        clients,
                        "DynamoDB",
                        "DescribeTable",
                        "dynamodb:DescribeTable",
                        () -> dynamo.describeTable(r -> r.tableName(table)))
                .table();
        List<String> keyNames = description.keySchema().stream()
                .map(KeySchemaElement::attributeName)
                .toList();
        List<Map<String, AttributeValue>> keys = keys(fromFile, ids, description, keyNames, table);

        long count = count(context, dynamo, table);
        Set<Map<String, AttributeValue>> present =
                new DynamoDbKeyReads(clients, context, dynamo).present(table, keyNames, keys);
        List<String> missing = keys.stream()
                .filter(k -> !present.contains(k))
                .map(DynamoDbCheckItems::shown)
                .distinct()
                .toList();
        List<String> problems = new ArrayList<>();
        if (atLeast != null && count < atLeast)
            problems.add("expected at least " + atLeast + " item(s), found " + count);
        if (!missing.isEmpty()) {
            problems.add("expected all " + keys.size() + " key(s) present, " + missing.size() + " missing: "
                    + String.join(", ", missing.subList(0, Math.min(SHOWN, missing.size())))
                    + (missing.size() > SHOWN ? ", ..." : ""));
        }
        if (!problems.isEmpty()) {
            throw ActionException.permanent(table + " does not hold the restored data: " + String.join("; ", problems)
                    + ". Write the missing items back (or restore again), then retry this step.");
        }
        String checked = count + " item(s) in " + table + " (counted by a scan)"
                + (atLeast == null ? "" : ", at least the " + atLeast + " expected")
                + (keys.isEmpty() ? "" : ", and all " + keys.size() + " key(s) asked for read back by BatchGetItem");
        return ActionResult.checked(
                table + " holds " + count + " item(s)"
                        + (keys.isEmpty() ? "" : ", every one of the " + keys.size() + " key(s) checked"),
                Map.of("itemCount", count, "keysChecked", keys.size(), "missing", missing),
                checked);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The items of a file as a scan or a find step saves it ({"Items": [...]}), or none without a file. */
    private static List<Map<String, Object>> itemsFile(String file) throws ActionException {
        if (blank(file)) return List.of();
        try {
            Object items = JSON.readValue(
                            Files.readAllBytes(Path.of(file)), new TypeReference<Map<String, Object>>() {})
                    .get("Items");
            if (!(items instanceof List<?> list)) throw new IOException("no Items");
            List<Map<String, Object>> out = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> map)) throw new IOException("an item is not an object");
                Map<String, Object> typed = new LinkedHashMap<>();
                map.forEach((k, v) -> typed.put(String.valueOf(k), v));
                out.add(typed);
            }
            return out;
        } catch (NoSuchFileException e) {
            throw ActionException.permanent(
                    "The items file " + file + " does not exist: run the step that saves the items first");
        } catch (IOException e) {
            throw ActionException.permanent(
                    "Cannot read the items file " + file + ": it is not the JSON a scan writes ({\"Items\": [...]})");
        }
    }

    /** The keys to look for: each item's key attributes, and each id as the partition key (of a table without a sort key). */
    private static List<Map<String, AttributeValue>> keys(
            List<Map<String, Object>> items,
            List<String> ids,
            TableDescription table,
            List<String> keyNames,
            String name)
            throws ActionException {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Map<String, Object> item : items) {
            Map<String, AttributeValue> key = DynamoDbKeyReads.key(DynamoJson.fromJson(item), keyNames);
            if (key.containsValue(null))
                throw ActionException.permanent("An item of the items file lacks a key attribute of " + name + " ("
                        + String.join(", ", keyNames) + "): the file is of another table");
            keys.add(key);
        }
        if (ids.isEmpty()) return keys;
        if (keyNames.size() > 1) {
            throw ActionException.permanent(
                    "ids: " + name + " has a sort key (" + keyNames.get(1) + "), so an id alone names no item;"
                            + " give the items file the find step saved (itemsFile) instead");
        }
        String partitionKey = keyNames.get(0);
        boolean numeric = table.attributeDefinitions().stream()
                .anyMatch(a -> a.attributeName().equals(partitionKey) && a.attributeType() == ScalarAttributeType.N);
        for (String id : ids) {
            if (numeric && !id.matches("-?\\d+(\\.\\d+)?"))
                throw ActionException.permanent("ids: '" + id + "' is not a number, and the key " + partitionKey
                        + " of " + name + " is numeric");
            keys.add(Map.of(partitionKey, numeric ? AttributeValue.fromN(id) : AttributeValue.fromS(id)));
        }
        return keys;
    }

    /** The exact count: a scan that returns counts only, page after page. */
    private long count(ActionContext context, DynamoDbClient dynamo, String table) throws ActionException {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = AwsCall.run(
                    context,
                    clients,
                    "DynamoDB",
                    "Scan",
                    "dynamodb:Scan",
                    () -> dynamo.scan(
                            r -> r.tableName(table).select(Select.COUNT).exclusiveStartKey(from)));
            count += page.count();
            context.progress("Counted " + count + " item(s) of " + table, null);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    private static String shown(Map<String, AttributeValue> key) {
        List<String> parts = new ArrayList<>();
        key.forEach((name, value) -> parts.add(
                name + "=" + (value.s() != null ? value.s() : value.n() != null ? value.n() : value.toString())));
        return String.join(" ", parts);
    }
}
