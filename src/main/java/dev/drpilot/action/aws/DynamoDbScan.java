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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** aws.dynamodb.scan: every item matching a filter (all pages), as the CLI's JSON, optionally saved to a file. */
public final class DynamoDbScan implements Action {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsClients clients;

    public DynamoDbScan(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.dynamodb.scan";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String table = args.required("table");
        String filter = args.required("filterExpression");
        Map<String, AttributeValue> placeholders;
        try {
            placeholders = DynamoJson.fromJson(args.map("expressionAttributeValues"));
        } catch (IllegalArgumentException e) {
            throw ActionException.permanent("expressionAttributeValues: " + e.getMessage());
        }
        DynamoDbClient dynamo = clients.get(DynamoDbClient.class, DynamoDbClient::builder, args.text("region"));
        List<Map<String, Object>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = AwsCall.run(
                    context,
                    clients,
                    "DynamoDB",
                    "Scan",
                    "dynamodb:Scan",
                    () -> dynamo.scan(r -> r.tableName(table)
                            .filterExpression(filter)
                            .expressionAttributeValues(placeholders.isEmpty() ? null : placeholders)
                            .exclusiveStartKey(from)));
            try {
                page.items().forEach(item -> items.add(DynamoJson.toJson(item)));
            } catch (IllegalArgumentException e) {
                throw ActionException.permanent("Cannot read an item of " + table + ": " + e.getMessage());
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("count", items.size());
        String file = args.text("file");
        String summary = items.size() + " item(s) of " + table + " match " + filter;
        if (file != null) {
            Map<String, Object> asTheCliWritesIt = new LinkedHashMap<>();
            asTheCliWritesIt.put("Items", items);
            asTheCliWritesIt.put("Count", items.size());
            try {
                PrivateFiles.write(
                        Path.of(file), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(asTheCliWritesIt));
            } catch (IOException e) {
                throw ActionException.permanent("Cannot write the items to " + file + " (" + e.getMessage()
                        + "): free some space or fix the folder's permissions, then retry this step");
            }
            out.put("file", file);
            summary += ", saved to " + file + " (readable by you alone)";
        }
        return ActionResult.of(summary, out);
    }
}
