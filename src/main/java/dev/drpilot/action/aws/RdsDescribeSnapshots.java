package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

/** aws.rds.describeSnapshots: an instance's snapshots, newest first, and the newest available one. */
public final class RdsDescribeSnapshots implements Action {

    private final AwsClients clients;

    public RdsDescribeSnapshots(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.rds.describeSnapshots";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String instance = args.text("instance");
        String type = args.text("snapshotType");
        RdsClient rds = clients.get(RdsClient.class, RdsClient::builder, args.text("region"));
        List<DBSnapshot> snapshots = AwsCall.run(
                        context,
                        clients,
                        "RDS",
                        "DescribeDBSnapshots",
                        "rds:DescribeDBSnapshots",
                        () -> rds.describeDBSnapshots(
                                r -> r.dbInstanceIdentifier(instance).snapshotType(type)))
                .dbSnapshots()
                .stream()
                .sorted(Comparator.comparing(
                        DBSnapshot::snapshotCreateTime, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "snapshots",
                snapshots.stream()
                        .map(s -> Map.of(
                                "id",
                                s.dbSnapshotIdentifier(),
                                "type",
                                String.valueOf(s.snapshotType()),
                                "status",
                                String.valueOf(s.status()),
                                "created",
                                String.valueOf(s.snapshotCreateTime())))
                        .toList());
        out.put("count", snapshots.size());
        snapshots.stream()
                .filter(s -> "available".equals(s.status()))
                .findFirst()
                .ifPresent(s -> {
                    out.put("latestSnapshot", s.dbSnapshotIdentifier());
                    out.put("latestSnapshotArn", s.dbSnapshotArn());
                });
        return ActionResult.of(snapshots.size() + " snapshot(s)" + (instance == null ? "" : " of " + instance), out);
    }
}
