package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * aws.rds.restoreToPointInTime: restores into a new instance, after checking that the restore
 * time lies inside the source's restorable window (a time outside it never reaches the restore call),
 * then reads the new instance back.
 */
public final class RdsRestoreToPointInTime implements Action {

    private final AwsClients clients;

    public RdsRestoreToPointInTime(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.rds.restoreToPointInTime";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String source = args.required("source");
        String target = args.required("target");
        String region = args.text("region");
        Instant restoreTime = args.instant("restoreTime");
        boolean latest = args.flag("useLatestRestorableTime");
        if (restoreTime == null && !latest) {
            throw ActionException.permanent("give restoreTime, or useLatestRestorableTime: true");
        }
        DBInstance db = RdsDescribeInstance.describe(clients, context, source, region);
        if (restoreTime != null) {
            Instant earliest =
                    RdsDescribeInstance.earliestRestorable(db, context.clock().instant());
            Instant newest = db.latestRestorableTime();
            if (restoreTime.isBefore(earliest) || newest != null && restoreTime.isAfter(newest)) {
                throw ActionException.permanent(
                        "restore time " + restoreTime + " is outside the restorable window of " + source + " ("
                                + earliest + " to " + (newest == null ? "now" : newest) + "); pick a time inside it");
            }
        }
        RdsClient rds = clients.get(RdsClient.class, RdsClient::builder, region);
        DBInstance created = AwsCall.run(
                        context,
                        clients,
                        "RDS",
                        "RestoreDBInstanceToPointInTime",
                        "rds:RestoreDBInstanceToPointInTime",
                        () -> rds.restoreDBInstanceToPointInTime(r -> {
                            r.sourceDBInstanceIdentifier(source).targetDBInstanceIdentifier(target);
                            if (restoreTime != null) r.restoreTime(restoreTime);
                            else r.useLatestRestorableTime(true);
                        }))
                .dbInstance();
        context.statusChange(target, created.dbInstanceStatus());
        String to = restoreTime == null ? "its latest restorable time" : restoreTime.toString();
        String checked = RdsRestoredInstance.readBack(clients, context, rds, created, source + " at " + to);
        return ActionResult.checked(
                "Restoring " + source + " to " + to + " as " + target,
                Map.of("instance", target, "status", created.dbInstanceStatus()),
                checked);
    }
}
