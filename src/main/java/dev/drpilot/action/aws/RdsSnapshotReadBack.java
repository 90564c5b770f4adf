package dev.drpilot.action.aws;

import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.Polling;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsResponse;

/**
 * A new snapshot (taken, or copied) read back until it is available: a snapshot that disappears,
 * fails, or turns out to be of another instance ends the wait at once rather than at its timeout.
 */
final class RdsSnapshotReadBack {

    private static final Set<String> LOST = Set.of("deleting", "failed");

    private RdsSnapshotReadBack() {}

    /** The snapshot once available; {@code where} names it for the operator ("snapshot x", "copy x in us-east-1"). */
    static DBSnapshot untilAvailable(
            AwsClients clients,
            ActionContext context,
            RdsClient rds,
            String snapshot,
            String instance,
            String where,
            Duration timeout)
            throws ActionException, InterruptedException {
        String expected = "Expected " + where + " of " + instance + " (creating, then available), found ";
        return Polling.until(context, where + " to be available", timeout, () -> {
            Optional<DBSnapshot> now = AwsCall.ifFound(
                            context,
                            clients,
                            "RDS",
                            "DescribeDBSnapshots",
                            "rds:DescribeDBSnapshots",
                            () -> rds.describeDBSnapshots(r -> r.dbSnapshotIdentifier(snapshot)))
                    .map(DescribeDbSnapshotsResponse::dbSnapshots)
                    .flatMap(found -> found.stream().findFirst());
            if (now.isEmpty()) {
                throw ActionException.permanent(
                        expected + "none: something deleted it. Find what deletes snapshots, then retry this step.");
            }
            DBSnapshot s = now.get();
            if (!instance.equalsIgnoreCase(s.dbInstanceIdentifier())) {
                throw ActionException.permanent(expected + "one of " + s.dbInstanceIdentifier()
                        + ": another snapshot has that name." + " Retry this step under another snapshot name.");
            }
            if (LOST.contains(s.status())) {
                throw ActionException.permanent(
                        expected + "it " + s.status() + ". Retry this step under another snapshot name.");
            }
            return "available".equals(s.status()) ? now : Optional.empty();
        });
    }
}
