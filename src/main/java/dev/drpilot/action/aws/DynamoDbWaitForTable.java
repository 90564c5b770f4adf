package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import dev.drpilot.action.Polling;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** aws.dynamodb.waitForTable: polls a table (with the engine's backoff) until it reaches a status. */
public final class DynamoDbWaitForTable implements Action {

    private final AwsClients clients;

    public DynamoDbWaitForTable(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.dynamodb.waitForTable";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context)
            throws ActionException, InterruptedException {
        Args args = new Args(values);
        String table = args.required("table");
        String wanted = args.required("status");
        DynamoDbClient dynamo = clients.get(DynamoDbClient.class, DynamoDbClient::builder, args.text("region"));
        TableDescription found = Polling.until(context, table + " to be " + wanted, Duration.ofHours(4), () -> {
            TableDescription now = AwsCall.run(
                            context,
                            clients,
                            "DynamoDB",
                            "DescribeTable",
                            "dynamodb:DescribeTable",
                            () -> dynamo.describeTable(r -> r.tableName(table)))
                    .table();
            return wanted.equals(now.tableStatusAsString()) ? Optional.of(now) : Optional.empty();
        });
        long items = found.itemCount() == null ? 0 : found.itemCount();
        return ActionResult.of(table + " is " + wanted, Map.of("status", wanted, "itemCount", items));
    }
}
