package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.Map;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * aws.rds.modifyBackupRetention: sets how many days of automated backups an instance keeps, and
 * when they are taken, then reads the instance back: the retention set (or pending for the next
 * maintenance window) and the window asked for.
 */
public final class RdsModifyBackupRetention implements Action {

    private final AwsClients clients;

    public RdsModifyBackupRetention(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.rds.modifyBackupRetention";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String instance = args.required("instance");
        int days = args.integer("retentionDays");
        if (days < 1 || days > 35)
            throw ActionException.permanent("retentionDays: RDS keeps automated backups 1 to 35 days, not " + days);
        String window = args.text("backupWindow");
        boolean now = args.flag("applyImmediately");
        String region = args.text("region");
        RdsClient rds = clients.get(RdsClient.class, RdsClient::builder, region);
        AwsCall.run(
                context,
                clients,
                "RDS",
                "ModifyDBInstance",
                "rds:ModifyDBInstance",
                () -> rds.modifyDBInstance(r -> {
                    r.dbInstanceIdentifier(instance).backupRetentionPeriod(days).applyImmediately(now);
                    if (window != null && !window.isBlank()) r.preferredBackupWindow(window);
                }));
        return readBack(context, instance, region, days, window == null || window.isBlank() ? null : window);
    }

    /** The post-condition: the instance reads back with the retention asked for (set, or pending) and the window asked for. */
    private ActionResult readBack(ActionContext context, String instance, String region, int days, String window)
            throws ActionException {
        DBInstance db = RdsDescribeInstance.describe(clients, context, instance, region);
        Integer pending = db.pendingModifiedValues() == null
                ? null
                : db.pendingModifiedValues().backupRetentionPeriod();
        String shownWindow = db.preferredBackupWindow() == null ? "" : db.preferredBackupWindow();
        Integer toHold = pending != null ? pending : db.backupRetentionPeriod();
        if (toHold == null || toHold != days || window != null && !window.equals(shownWindow)) {
            throw ActionException.permanent("Expected " + instance + " to keep " + days + " days of automated backups"
                    + (window == null ? "" : ", taken " + window) + ", found " + db.backupRetentionPeriod() + " days"
                    + (pending == null ? "" : " (" + pending + " pending)")
                    + (window == null ? "" : ", taken " + shownWindow)
                    + ": something changed it back (an infrastructure-as-code run?). Stop it, then retry this step.");
        }
        String taken = shownWindow.isEmpty() ? "" : ", taken " + shownWindow + " UTC";
        String checked = instance + " reads " + (pending == null ? days + " days" : days + " days pending")
                + " of automated backups" + (shownWindow.isEmpty() ? "" : ", window " + shownWindow)
                + " (DescribeDBInstances)";
        String summary = pending == null
                ? instance + " keeps " + days + " days of automated backups" + taken
                : instance + " will keep " + days + " days of automated backups" + taken
                        + " from its next maintenance window";
        return ActionResult.checked(
                summary, Map.of("backupRetentionPeriod", days, "preferredBackupWindow", shownWindow), checked);
    }
}
