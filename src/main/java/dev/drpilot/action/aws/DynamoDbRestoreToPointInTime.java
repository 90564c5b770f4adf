package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * aws.dynamodb.restoreToPointInTime: restores a table into a new one, after checking that PITR is
 * on and the restore time lies in its window (a time outside it never reaches the restore call),
 * then reads the new table back: it exists and names the source.
 */
public final class DynamoDbRestoreToPointInTime implements Action {

    private final AwsClients clients;

    public DynamoDbRestoreToPointInTime(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.dynamodb.restoreToPointInTime";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String source = args.required("source");
        String target = args.required("target");
        Instant restoreTime = args.instant("restoreTime");
        boolean latest = args.flag("useLatestRestorableTime");
        if (restoreTime == null && !latest)
            throw ActionException.permanent("give restoreTime, or useLatestRestorableTime: true");
        DynamoDbClient dynamo = clients.get(DynamoDbClient.class, DynamoDbClient::builder, args.text("region"));
        PointInTimeRecoveryDescription pitr = AwsCall.run(
                        context,
                        clients,
                        "DynamoDB",
                        "DescribeContinuousBackups",
                        "dynamodb:DescribeContinuousBackups",
                        () -> dynamo.describeContinuousBackups(r -> r.tableName(source)))
                .continuousBackupsDescription()
                .pointInTimeRecoveryDescription();
        if (pitr == null || !"ENABLED".equals(pitr.pointInTimeRecoveryStatusAsString())) {
            throw ActionException.permanent("point-in-time recovery is not enabled on " + source
                    + ": restore from an on-demand backup instead");
        }
        if (restoreTime != null
                && (pitr.earliestRestorableDateTime() != null && restoreTime.isBefore(pitr.earliestRestorableDateTime())
                        || pitr.latestRestorableDateTime() != null
                                && restoreTime.isAfter(pitr.latestRestorableDateTime()))) {
            throw ActionException.permanent("restore time " + restoreTime + " is outside the restorable window of "
                    + source + " (" + pitr.earliestRestorableDateTime() + " to " + pitr.latestRestorableDateTime()
                    + "); pick a time inside it");
        }
        TableDescription table = AwsCall.run(
                        context,
                        clients,
                        "DynamoDB",
                        "RestoreTableToPointInTime",
                        "dynamodb:RestoreTableToPointInTime",
                        () -> dynamo.restoreTableToPointInTime(r -> {
                            r.sourceTableName(source).targetTableName(target);
                            if (restoreTime != null) r.restoreDateTime(restoreTime);
                            else r.useLatestRestorableTime(true);
                        }))
                .tableDescription();
        context.statusChange(target, table.tableStatusAsString());
        String checked = DynamoDbRestoredTable.readBack(
                clients,
                context,
                dynamo,
                target,
                source,
                summary -> DynamoDbRestoredTable.tableName(summary.sourceTableArn()));
        return ActionResult.checked(
                "Restoring " + source + " to " + (restoreTime == null ? "its latest restorable time" : restoreTime)
                        + " as " + target,
                Map.of("table", target, "tableArn", table.tableArn()),
                checked);
    }
}
