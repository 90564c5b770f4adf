package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.Map;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/** aws.rds.restoreFromSnapshot: creates an instance from a snapshot (the DR region's copy, or a drill's), then reads it back. */
public final class RdsRestoreFromSnapshot implements Action {

    private final AwsClients clients;

    public RdsRestoreFromSnapshot(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.rds.restoreFromSnapshot";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String snapshot = args.required("snapshot");
        String target = args.required("target");
        RdsClient rds = clients.get(RdsClient.class, RdsClient::builder, args.text("region"));
        DBInstance created = AwsCall.run(
                        context,
                        clients,
                        "RDS",
                        "RestoreDBInstanceFromDBSnapshot",
                        "rds:RestoreDBInstanceFromDBSnapshot",
                        () -> rds.restoreDBInstanceFromDBSnapshot(
                                r -> r.dbSnapshotIdentifier(snapshot).dbInstanceIdentifier(target)))
                .dbInstance();
        context.statusChange(target, created.dbInstanceStatus());
        String checked = RdsRestoredInstance.readBack(clients, context, rds, created, "snapshot " + snapshot);
        return ActionResult.checked(
                "Restoring " + snapshot + " as " + target,
                Map.of("instance", target, "status", created.dbInstanceStatus()),
                checked);
    }
}
