package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.Args;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** aws.dynamodb.enablePitr: turns on point-in-time recovery (35 days of continuous backups). */
public final class DynamoDbEnablePitr implements Action {

    private final AwsClients clients;

    public DynamoDbEnablePitr(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.dynamodb.enablePitr";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String table = args.required("table");
        DynamoDbClient dynamo = clients.get(DynamoDbClient.class, DynamoDbClient::builder, args.text("region"));
        String status = AwsCall.run(context, clients, "DynamoDB", "UpdateContinuousBackups", "dynamodb:UpdateContinuousBackups",
                () -> dynamo.updateContinuousBackups(r -> r.tableName(table).pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true))))
                .continuousBackupsDescription().pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString();
        context.statusChange(table + " point-in-time recovery", status);
        return ActionResult.of("Point-in-time recovery of " + table + ": " + status, Map.of("pitrStatus", status));
    }
}
