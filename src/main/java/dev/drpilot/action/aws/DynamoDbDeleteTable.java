package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.Args;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** aws.dynamodb.deleteTable: deletes a table (a restored side table once done, or a drill's). */
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
        String status = AwsCall.run(context, clients, "DynamoDB", "DeleteTable", "dynamodb:DeleteTable",
                () -> dynamo.deleteTable(r -> r.tableName(table))).tableDescription().tableStatusAsString();
        context.statusChange(table, status);
        return ActionResult.of("Deleting " + table, Map.of("status", status == null ? "DELETING" : status));
    }
}
