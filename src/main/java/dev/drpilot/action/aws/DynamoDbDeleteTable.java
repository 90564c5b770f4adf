package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * aws.dynamodb.deleteTable: deletes a table (a restored side table once done, or a drill's), then
 * reads it back: gone, or DELETING.
 */
public final class DynamoDbDeleteTable implements Action {

    private final AwsClients clients;

    public DynamoDbDeleteTable(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.dynamodb.deleteTable";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String table = args.required("table");
        DynamoDbClient dynamo = clients.get(DynamoDbClient.class, DynamoDbClient::builder, args.text("region"));
        AwsCall.run(
                context,
                clients,
                "DynamoDB",
                "DeleteTable",
                "dynamodb:DeleteTable",
                () -> dynamo.deleteTable(r -> r.tableName(table)));
        Optional<TableDescription> left = AwsCall.ifFound(
                        context,
                        clients,
                        "DynamoDB",
                        "DescribeTable",
                        "dynamodb:DescribeTable",
                        () -> dynamo.describeTable(r -> r.tableName(table)))
                .map(DescribeTableResponse::table);
        String status = left.map(TableDescription::tableStatusAsString).orElse("DELETED");
        if (!"DELETED".equals(status) && !"DELETING".equals(status)) {
            throw ActionException.permanent("Expected table " + table + " gone or DELETING, found it " + status
                    + ": something created it again right after the delete. Find what did, then retry this step.");
        }
        context.statusChange(table, status);
        return ActionResult.checked(
                "Deleting " + table,
                Map.of("status", status),
                left.isEmpty()
                        ? "table " + table + " is gone (DescribeTable: not found)"
                        : "table " + table + " reads DELETING (DescribeTable)");
    }
}
