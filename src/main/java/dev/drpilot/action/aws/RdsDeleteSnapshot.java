package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsResponse;

/** aws.rds.deleteSnapshot: deletes one manual snapshot, then reads it back: gone, or deleting. */
public final class RdsDeleteSnapshot implements Action {

    private final AwsClients clients;

    public RdsDeleteSnapshot(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.rds.deleteSnapshot";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String snapshot = args.required("snapshot");
        RdsClient rds = clients.get(RdsClient.class, RdsClient::builder, args.text("region"));
        AwsCall.run(
                context,
                clients,
                "RDS",
                "DeleteDBSnapshot",
                "rds:DeleteDBSnapshot",
                () -> rds.deleteDBSnapshot(r -> r.dbSnapshotIdentifier(snapshot)));
        Optional<DBSnapshot> left = AwsCall.ifFound(
                        context,
                        clients,
                        "RDS",
                        "DescribeDBSnapshots",
                        "rds:DescribeDBSnapshots",
                        () -> rds.describeDBSnapshots(r -> r.dbSnapshotIdentifier(snapshot)))
                .map(DescribeDbSnapshotsResponse::dbSnapshots)
                .flatMap(found -> found.stream().findFirst());
        String status = left.map(DBSnapshot::status).orElse("deleted");
        if (!"deleted".equals(status) && !"deleting".equals(status)) {
            throw ActionException.permanent(
                    "Expected snapshot " + snapshot + " gone or deleting, found it " + status
                            + ": something took it again under the same name right after the delete. Find what did, then retry this step.");
        }
        context.statusChange(snapshot, status);
        return ActionResult.checked(
                "Deleted snapshot " + snapshot,
                Map.of("deleted", snapshot),
                left.isEmpty()
                        ? "snapshot " + snapshot + " is gone (DescribeDBSnapshots: not found)"
                        : "snapshot " + snapshot + " reads deleting (DescribeDBSnapshots)");
    }
}
