package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.Args;
import dev.drpilot.action.Polling;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

/**
 * aws.rds.copySnapshotToRegion: copies a snapshot into the step's region (the DR region), called
 * there with the source region, and waits until the copy is available.
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
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException, InterruptedException {
        Args args = new Args(values);
        String source = args.required("sourceSnapshotArn");
        String target = args.required("targetSnapshot");
        String sourceRegion = args.text("sourceRegion");
        String region = args.text("region");
        if (sourceRegion != null && sourceRegion.equals(region)) {
            throw ActionException.permanent("The copy would stay in " + region + ": give the DR region as the step's region");
        }
        RdsClient rds = clients.get(RdsClient.class, RdsClient::builder, region);
        AwsCall.run(context, clients, "RDS", "CopyDBSnapshot", "rds:CopyDBSnapshot", () -> rds.copyDBSnapshot(r -> {
            r.sourceDBSnapshotIdentifier(source).targetDBSnapshotIdentifier(target);
            if (sourceRegion != null) r.sourceRegion(sourceRegion);
        }));
        context.statusChange(target, "copying");
        DBSnapshot copy = Polling.until(context, "copy " + target + " to be available", Duration.ofHours(3), () -> {
            DBSnapshot now = AwsCall.run(context, clients, "RDS", "DescribeDBSnapshots", "rds:DescribeDBSnapshots",
                    () -> rds.describeDBSnapshots(r -> r.dbSnapshotIdentifier(target))).dbSnapshots().get(0);
            return "available".equals(now.status()) ? Optional.of(now) : Optional.empty();
        });
        context.statusChange(target, copy.status());
        return ActionResult.of("Copy " + target + " is available in " + clients.regionOrDefault(region),
                Map.of("snapshotArn", copy.dbSnapshotArn(), "status", copy.status()));
    }
}
