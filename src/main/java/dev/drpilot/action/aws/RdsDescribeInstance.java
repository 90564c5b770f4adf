package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/** aws.rds.describeInstance: status, endpoint, restorable window and backup settings of an instance. */
public final class RdsDescribeInstance implements Action {

    private final AwsClients clients;

    public RdsDescribeInstance(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.rds.describeInstance";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        DBInstance db = describe(clients, context, args.required("instance"), args.text("region"));
        Map<String, Object> out = outputs(db);
        return ActionResult.of(db.dbInstanceIdentifier() + " is " + db.dbInstanceStatus(), out);
    }

    static DBInstance describe(AwsClients clients, ActionContext context, String instance, String region)
            throws ActionException {
        RdsClient rds = clients.get(RdsClient.class, RdsClient::builder, region);
        return AwsCall.run(
                        context,
                        clients,
                        "RDS",
                        "DescribeDBInstances",
                        "rds:DescribeDBInstances",
                        () -> rds.describeDBInstances(r -> r.dbInstanceIdentifier(instance)))
                .dbInstances()
                .get(0);
    }

    /** The earliest restorable time: the retention period back from now, but not before the instance existed. */
    static Instant earliestRestorable(DBInstance db, Instant now) {
        Instant byRetention =
                now.minus(Duration.ofDays(db.backupRetentionPeriod() == null ? 0 : db.backupRetentionPeriod()));
        return db.instanceCreateTime() != null && db.instanceCreateTime().isAfter(byRetention)
                ? db.instanceCreateTime()
                : byRetention;
    }

    private static Map<String, Object> outputs(DBInstance db) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", db.dbInstanceStatus());
        if (db.endpoint() != null) out.put("endpoint", db.endpoint().address());
        if (db.latestRestorableTime() != null)
            out.put("latestRestorableTime", db.latestRestorableTime().toString());
        out.put("earliestRestorableTime", earliestRestorable(db, Instant.now()).toString());
        if (db.backupRetentionPeriod() != null) out.put("backupRetentionPeriod", db.backupRetentionPeriod());
        if (db.preferredBackupWindow() != null) out.put("preferredBackupWindow", db.preferredBackupWindow());
        if (db.multiAZ() != null) out.put("multiAz", db.multiAZ());
        return out;
    }
}
