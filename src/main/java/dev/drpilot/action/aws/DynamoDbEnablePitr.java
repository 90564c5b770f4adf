package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;

/**
 * aws.dynamodb.enablePitr: turns on point-in-time recovery (35 days of continuous backups), then
 * reads the table's continuous backups back to prove it is on.
 */
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
        String status = AwsCall.run(
                        context,
                        clients,
                        "DynamoDB",
                        "UpdateContinuousBackups",
                        "dynamodb:UpdateContinuousBackups",
                        () -> dynamo.updateContinuousBackups(r -> r.tableName(table)
                                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true))))
                .continuousBackupsDescription()
                .pointInTimeRecoveryDescription()
                .pointInTimeRecoveryStatusAsString();
        context.statusChange(table + " point-in-time recovery", status);
        return readBack(context, dynamo, table);
    }

    /** The post-condition: the table's continuous backups read back with point-in-time recovery ENABLED. */
    private ActionResult readBack(ActionContext context, DynamoDbClient dynamo, String table) throws ActionException {
        PointInTimeRecoveryDescription pitr = AwsCall.run(
                        context,
                        clients,
                        "DynamoDB",
                        "DescribeContinuousBackups",
                        "dynamodb:DescribeContinuousBackups",
                        () -> dynamo.describeContinuousBackups(r -> r.tableName(table)))
                .continuousBackupsDescription()
                .pointInTimeRecoveryDescription();
        String status = pitr == null ? "DISABLED" : pitr.pointInTimeRecoveryStatusAsString();
        if (!"ENABLED".equals(status)) {
            throw ActionException.permanent(
                    "Expected point-in-time recovery of " + table + " ENABLED, found " + status
                            + ": something turned it off again (an infrastructure-as-code run?). Stop it, then retry this step.");
        }
        String checked = "point-in-time recovery of " + table + " reads ENABLED (DescribeContinuousBackups)"
                + (pitr.latestRestorableDateTime() == null
                        ? ""
                        : ", restorable up to " + pitr.latestRestorableDateTime());
        return ActionResult.checked(
                "Point-in-time recovery of " + table + ": " + status, Map.of("pitrStatus", status), checked);
    }
}
