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

/**
 * aws.rds.copySnapshotToRegion: copies a snapshot into the step's region (the DR region), called
 * there with the source region, and reads the copy back until it is available, of the instance the
 * source snapshot is of.
 */
public final class RdsCopySnapshotToRegion implements Action {

    private final AwsClients clients;

    public RdsCopySnapshotToRegion(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.rds.copySnapshotToRegion";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context)
            throws ActionException, InterruptedException {
        Args args = new Args(values);
        String source = args.required("sourceSnapshotArn");
        String target = args.required("targetSnapshot");
        String sourceRegion = args.text("sourceRegion");
        String region = args.text("region");
        if (sourceRegion != null && sourceRegion.equals(region)) {
            throw ActionException.permanent(
                    "The copy would stay in " + region + ": give the DR region as the step's region");
        }
        RdsClient rds = clients.get(RdsClient.class, RdsClient::builder, region);
        String instance = AwsCall.run(
                        context,
                        clients,
                        "RDS",
                        "CopyDBSnapshot",
                        "rds:CopyDBSnapshot",
                        () -> rds.copyDBSnapshot(r -> {
                            r.sourceDBSnapshotIdentifier(source).targetDBSnapshotIdentifier(target);
                            if (sourceRegion != null) r.sourceRegion(sourceRegion);
                        }))
                .dbSnapshot()
                .dbInstanceIdentifier();
        context.statusChange(target, "copying");
        String where = "copy " + target + " in " + clients.regionOrDefault(region);
        DBSnapshot copy =
                RdsSnapshotReadBack.untilAvailable(clients, context, rds, target, instance, where, Duration.ofHours(3));
        context.statusChange(target, copy.status());
        return ActionResult.checked(
                "Copy " + target + " is available in " + clients.regionOrDefault(region),
                Map.of("snapshotArn", copy.dbSnapshotArn(), "status", copy.status()),
                where + " of " + instance + " reads available (DescribeDBSnapshots)");
    }
}
