package dev.drpilot.action.aws;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import dev.drpilot.action.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * aws.dynamodb.batchWrite: writes items in batches of 25, writing the unprocessed items again
 * (with backoff) until none are left, then reads every item back by its key and compares it,
 * attribute by attribute, with what was written. The items come from the file a scan step saved
 * (the log keeps them with secrets redacted, so it is never the source of a write); the request
 * files of the equivalent command are written beside it first.
 */
public final class DynamoDbBatchWrite implements Action {

    private static final int BATCH = 25;
    private static final int ROUNDS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REDACTED = "[redacted]";

    private final AwsClients clients;

    public DynamoDbBatchWrite(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.dynamodb.batchWrite";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context)
            throws ActionException, InterruptedException {
        Args args = new Args(values);
        String table = args.required("table");
        List<Map<String, AttributeValue>> items = items(values, args.text("itemsFile"));
        String requestFile = args.text("requestFile");
        if (requestFile != null) writeRequestFiles(table, items, Path.of(requestFile));
        DynamoDbClient dynamo = clients.get(DynamoDbClient.class, DynamoDbClient::builder, args.text("region"));
        List<WriteRequest> pending = new ArrayList<>();
        items.forEach(item ->
                pending.add(WriteRequest.builder().putRequest(p -> p.item(item)).build()));
        int written = write(context, dynamo, table, pending);
        return readBack(context, dynamo, table, items, written);
    }

    private static List<Map<String, AttributeValue>> items(Map<String, Object> values, String itemsFile)
            throws ActionException {
        Object given;
        if (itemsFile != null) {
            try {
                given = JSON.readValue(
                                Files.readAllBytes(Path.of(itemsFile)), new TypeReference<Map<String, Object>>() {})
                        .get("Items");
            } catch (NoSuchFileException e) {
                throw ActionException.permanent(
                        "The items file " + itemsFile + " does not exist: run the scan step that writes it first");
            } catch (IOException e) {
                throw ActionException.permanent("Cannot read the items file " + itemsFile
                        + ": it is not the JSON a scan writes ({\"Items\": [...]})");
            }
        } else {
            given = values.get("items");
        }
        if (!(given instanceof List<?> list)) {
            throw ActionException.permanent(
                    "items: give the items to write (the file a scan step saved, as itemsFile)");
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> item))
                throw ActionException.permanent("item " + (i + 1) + " is not an item (a map of attributes)");
            if (JSON.valueToTree(item).toString().contains(REDACTED)) {
                throw ActionException.permanent(
                        "Item " + (i + 1) + " holds a value redacted in the incident log: writing it would put '"
                                + REDACTED
                                + "' into the table. Write the items from the file the scan saved (itemsFile), not from the log.");
            }
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) item;
                items.add(DynamoJson.fromJson(typed));
            } catch (IllegalArgumentException e) {
                throw ActionException.permanent("Item " + (i + 1) + " cannot be written: " + e.getMessage());
            }
        }
        return items;
    }

    /** The files `aws dynamodb batch-write-item --request-items file://...` takes: 25 items each, the first named as given. */
    private static void writeRequestFiles(String table, List<Map<String, AttributeValue>> items, Path first)
            throws ActionException {
        for (int i = 0, n = 1; i < Math.max(1, items.size()); i += BATCH, n++) {
            List<Map<String, Object>> requests = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(i, Math.min(i + BATCH, items.size()))) {
                requests.add(Map.of("PutRequest", Map.of("Item", DynamoJson.toJson(item))));
            }
            Path file = n == 1 ? first : numbered(first, n);
            try {
                PrivateFiles.write(
                        file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(Map.of(table, requests)));
            } catch (IOException e) {
                throw ActionException.permanent("Cannot write " + file + " (" + e.getMessage()
                        + "): free some space or fix the folder's" + " permissions, then retry this step");
            }
        }
    }

    private static Path numbered(Path first, int n) {
        String name = first.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return first.resolveSibling(dot < 0 ? name + "-" + n : name.substring(0, dot) + "-" + n + name.substring(dot));
    }

    private int write(ActionContext context, DynamoDbClient dynamo, String table, List<WriteRequest> all)
            throws ActionException, InterruptedException {
        List<WriteRequest> pending = all;
        int total = pending.size();
        int written = 0;
        for (int round = 0; !pending.isEmpty(); round++) {
            if (round == ROUNDS) {
                throw ActionException.permanent(pending.size() + " of " + total + " items still unprocessed after "
                        + ROUNDS + " rounds (the table's write capacity?); retry this step to write the rest");
            }
            List<WriteRequest> unprocessed = new ArrayList<>();
            for (int i = 0; i < pending.size(); i += BATCH) {
                List<WriteRequest> batch = pending.subList(i, Math.min(i + BATCH, pending.size()));
                Map<String, List<WriteRequest>> left = AwsCall.run(
                                context,
                                clients,
                                "DynamoDB",
                                "BatchWriteItem",
                                "dynamodb:BatchWriteItem",
                                () -> dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, batch))))
                        .unprocessedItems();
                List<WriteRequest> notWritten = left == null ? List.of() : left.getOrDefault(table, List.of());
                unprocessed.addAll(notWritten);
                written += batch.size() - notWritten.size();
                context.progress("Wrote " + written + " of " + total, written / (double) total);
            }
            pending = unprocessed;
            if (!pending.isEmpty()) {
                context.progress(pending.size() + " item(s) unprocessed: writing them again", written / (double) total);
                context.pause(Duration.ofMillis(250L << Math.min(round, 6)));
            }
        }
        return written;
    }

    /** The post-condition: every item reads back by its key (a consistent read) with every attribute equal. */
    private ActionResult readBack(
            ActionContext context,
            DynamoDbClient dynamo,
            String table,
            List<Map<String, AttributeValue>> items,
            int written)
            throws ActionException {
        List<String> keyNames = AwsCall.run(
                        context,
                        clients,
                        "DynamoDB",
                        "DescribeTable",
                        "dynamodb:DescribeTable",
                        () -> dynamo.describeTable(r -> r.tableName(table)))
                .table()
                .keySchema()
                .stream()
                .map(KeySchemaElement::attributeName)
                .toList();
        List<String> problems = new ArrayList<>();
        int attributes = 0;
        String lastKey = null;
        for (Map<String, AttributeValue> item : items) {
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            keyNames.forEach(name -> key.put(name, item.get(name)));
            lastKey = describe(key);
            GetItemResponse found = AwsCall.run(
                    context,
                    clients,
                    "DynamoDB",
                    "GetItem",
                    "dynamodb:GetItem",
                    () -> dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)));
            if (!found.hasItem() || found.item().isEmpty()) {
                problems.add("item " + lastKey + " is not in " + table);
                continue;
            }
            List<String> differ = DynamoJson.differences(item, found.item());
            if (!differ.isEmpty()) problems.add("item " + lastKey + " differs in " + String.join(", ", differ));
            attributes += item.size();
        }
        if (!problems.isEmpty()) {
            throw ActionException.permanent(
                    "Wrote " + written + " item(s) into " + table + " but the read-back does not match: "
                            + String.join("; ", problems.size() > 5 ? problems.subList(0, 5) : problems)
                            + (problems.size() > 5 ? " (and " + (problems.size() - 5) + " more)" : "")
                            + ". Something else is writing these items: find it, then retry this step.");
        }
        String checked = items.size() == 1
                ? "item " + lastKey + " read back, " + attributes + " attributes equal"
                : items.size() + " items read back by key, " + attributes + " attributes equal";
        return ActionResult.checked(
                "Wrote " + written + " item(s) into " + table, Map.of("written", written, "count", written), checked);
    }

    /** An item's key for a message: its key attributes' values, which identify it (the other attributes are never shown). */
    private static String describe(Map<String, AttributeValue> key) {
        List<String> parts = new ArrayList<>();
        key.forEach((name, value) -> parts.add(
                value == null ? name + "=?" : value.s() != null ? value.s() : value.n() != null ? value.n() : name));
        return String.join("/", parts);
    }
}
