package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.Args;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import java.util.Map;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/** aws.rds.modifyBackupRetention: sets how many days of automated backups an instance keeps, and when they are taken. */
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
        if (days < 1 || days > 35) throw ActionException.permanent("retentionDays: RDS keeps automated backups 1 to 35 days, not " + days);
        String window = args.text("backupWindow");
        boolean now = args.flag("applyImmediately");
        RdsClient rds = clients.get(RdsClient.class, RdsClient::builder, args.text("region"));
        DBInstance modified = AwsCall.run(context, clients, "RDS", "ModifyDBInstance", "rds:ModifyDBInstance", () -> rds.modifyDBInstance(r -> {
            r.dbInstanceIdentifier(instance).backupRetentionPeriod(days).applyImmediately(now);
            if (window != null && !window.isBlank()) r.preferredBackupWindow(window);
        })).dbInstance();
        String shownWindow = modified.preferredBackupWindow() == null ? "" : modified.preferredBackupWindow();
        return ActionResult.of(instance + " keeps " + modified.backupRetentionPeriod() + " days of automated backups"
                        + (shownWindow.isEmpty() ? "" : ", taken " + shownWindow + " UTC"),
                Map.of("backupRetentionPeriod", modified.backupRetentionPeriod(), "preferredBackupWindow", shownWindow));
    }
}
