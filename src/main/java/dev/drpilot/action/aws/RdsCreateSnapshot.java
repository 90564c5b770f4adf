package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

/** aws.rds.createSnapshot: takes a manual snapshot and reads it back until it is available. */
public final class RdsCreateSnapshot implements Action {

    private final AwsClients clients;

    public RdsCreateSnapshot(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.rds.createSnapshot";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context)
            throws ActionException, InterruptedException {
        Args args = new Args(values);
        String instance = args.required("instance");
        String snapshot = args.required("snapshot");
        RdsClient rds = clients.get(RdsClient.class, RdsClient::builder, args.text("region"));
        AwsCall.run(
                context,
                clients,
                "RDS",
                "CreateDBSnapshot",
                "rds:CreateDBSnapshot",
                () -> rds.createDBSnapshot(r -> r.dbInstanceIdentifier(instance).dbSnapshotIdentifier(snapshot)));
        DBSnapshot done = RdsSnapshotReadBack.untilAvailable(
                clients, context, rds, snapshot, instance, "snapshot " + snapshot, Duration.ofHours(2));
        return ActionResult.checked(
                "Snapshot " + snapshot + " of " + instance + " is available",
                Map.of("snapshotArn", done.dbSnapshotArn(), "status", done.status()),
                "snapshot " + snapshot + " of " + instance + " reads available (DescribeDBSnapshots)");
    }
}
