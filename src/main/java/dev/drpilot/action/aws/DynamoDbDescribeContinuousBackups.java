package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;

/** aws.dynamodb.describeContinuousBackups: whether point-in-time recovery is on, and the window it can restore. */
public final class DynamoDbDescribeContinuousBackups implements Action {

    private final AwsClients clients;

    public DynamoDbDescribeContinuousBackups(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.dynamodb.describeContinuousBackups";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String table = args.required("table");
        DynamoDbClient dynamo = clients.get(DynamoDbClient.class, DynamoDbClient::builder, args.text("region"));
        PointInTimeRecoveryDescription pitr = AwsCall.run(
                        context,
                        clients,
                        "DynamoDB",
                        "DescribeContinuousBackups",
                        "dynamodb:DescribeContinuousBackups",
                        () -> dynamo.describeContinuousBackups(r -> r.tableName(table)))
                .continuousBackupsDescription()
                .pointInTimeRecoveryDescription();
        Map<String, Object> out = new LinkedHashMap<>();
        String status = pitr == null ? "DISABLED" : pitr.pointInTimeRecoveryStatusAsString();
        out.put("pitrStatus", status);
        if (pitr != null && pitr.earliestRestorableDateTime() != null)
            out.put("earliestRestorableTime", pitr.earliestRestorableDateTime().toString());
        if (pitr != null && pitr.latestRestorableDateTime() != null)
            out.put("latestRestorableTime", pitr.latestRestorableDateTime().toString());
        String window = out.containsKey("earliestRestorableTime")
                ? ", restorable from " + out.get("earliestRestorableTime") + " to "
                        + out.getOrDefault("latestRestorableTime", "now")
                : "";
        return ActionResult.of("Point-in-time recovery of " + table + ": " + status + window, out);
    }
}
