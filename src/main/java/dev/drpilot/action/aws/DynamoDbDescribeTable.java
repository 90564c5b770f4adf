package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** aws.dynamodb.describeTable: a table's status, item count (refreshed by AWS about every six hours) and ARN. */
public final class DynamoDbDescribeTable implements Action {

    private final AwsClients clients;

    public DynamoDbDescribeTable(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.dynamodb.describeTable";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String name = args.required("table");
        DynamoDbClient dynamo = clients.get(DynamoDbClient.class, DynamoDbClient::builder, args.text("region"));
        TableDescription table = AwsCall.run(
                        context,
                        clients,
                        "DynamoDB",
                        "DescribeTable",
                        "dynamodb:DescribeTable",
                        () -> dynamo.describeTable(r -> r.tableName(name)))
                .table();
        long items = table.itemCount() == null ? 0 : table.itemCount();
        return ActionResult.of(
                name + " is " + table.tableStatusAsString() + " with about " + items + " item(s)",
                Map.of("status", table.tableStatusAsString(), "itemCount", items, "tableArn", table.tableArn()));
    }
}
