package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

/**
 * aws.rds.deleteSnapshotsOlderThan: the guide's clean-up of snapshots past their retention, every
 * page of them; then lists them again: none created before the cut-off is left, but those deleting.
 */
public final class RdsDeleteSnapshotsOlderThan implements Action {

    private final AwsClients clients;

    public RdsDeleteSnapshotsOlderThan(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.rds.deleteSnapshotsOlderThan";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        Duration age = args.duration("olderThan");
        String type = args.required("snapshotType");
        if ("automated".equals(type)) {
            throw ActionException.permanent(
                    "Automated snapshots expire with the instance's retention period: set it with aws.rds.modifyBackupRetention");
        }
        String instance = args.text("instance");
        Instant cutOff = context.clock().instant().minus(age);
        RdsClient rds = clients.get(RdsClient.class, RdsClient::builder, args.text("region"));
        List<String> old = older(context, rds, type, instance, cutOff).stream()
                .map(DBSnapshot::dbSnapshotIdentifier)
                .toList();
        List<String> deleted = new ArrayList<>();
        for (String id : old) {
            if (context.cancelled()) {
                throw ActionException.permanent("Cancelled after deleting " + deleted.size() + " of " + old.size()
                        + " snapshot(s): " + deleted);
            }
            context.progress("Deleting " + id, (double) deleted.size() / old.size());
            AwsCall.run(
                    context,
                    clients,
                    "RDS",
                    "DeleteDBSnapshot",
                    "rds:DeleteDBSnapshot",
                    () -> rds.deleteDBSnapshot(r -> r.dbSnapshotIdentifier(id)));
            context.statusChange(id, "deleted");
            deleted.add(id);
        }
        String checked = readBack(context, rds, type, instance, cutOff, deleted.size());
        String summary = deleted.isEmpty()
                ? "No " + type + " snapshot is older than " + age.toDays() + " days"
                : "Deleted " + deleted.size() + " " + type + " snapshot(s) created before " + cutOff;
        return ActionResult.checked(summary, Map.of("deleted", List.copyOf(deleted), "count", deleted.size()), checked);
    }

    /** The post-condition: listed again, no snapshot of the type created before the cut-off is left, except ones being deleted. */
    private String readBack(
            ActionContext context, RdsClient rds, String type, String instance, Instant cutOff, int deleted)
            throws ActionException {
        List<DBSnapshot> still = older(context, rds, type, instance, cutOff);
        List<String> left = still.stream()
                .filter(s -> !"deleting".equals(s.status()))
                .map(DBSnapshot::dbSnapshotIdentifier)
                .toList();
        String which =
                type + " snapshot(s)" + (instance == null ? "" : " of " + instance) + " created before " + cutOff;
        if (!left.isEmpty()) {
            throw ActionException.permanent(
                    "Expected no " + which + " left after deleting " + deleted + ", found " + left.size() + ": "
                            + String.join(", ", left.size() > 10 ? left.subList(0, 10) : left)
                            + ". Something made them again (a copy job?): find it, then retry this step.");
        }
        return "no " + which + " left" + (still.isEmpty() ? "" : " but " + still.size() + " deleting")
                + " (DescribeDBSnapshots)";
    }

    /** The snapshots of the type created before the cut-off, every page. */
    private List<DBSnapshot> older(ActionContext context, RdsClient rds, String type, String instance, Instant cutOff)
            throws ActionException {
        List<DBSnapshot> old = new ArrayList<>();
        String marker = null;
        do {
            String page = marker;
            var response = AwsCall.run(
                    context,
                    clients,
                    "RDS",
                    "DescribeDBSnapshots",
                    "rds:DescribeDBSnapshots",
                    () -> rds.describeDBSnapshots(r ->
                            r.snapshotType(type).dbInstanceIdentifier(instance).marker(page)));
            for (DBSnapshot s : response.dbSnapshots()) {
                if (s.snapshotCreateTime() != null && s.snapshotCreateTime().isBefore(cutOff)) old.add(s);
            }
            marker = response.marker();
        } while (marker != null && !marker.isEmpty());
        return old;
    }
}
