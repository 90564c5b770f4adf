package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.Args;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import java.util.Map;
import software.amazon.awssdk.services.rds.RdsClient;

/** aws.rds.deleteSnapshot: deletes one manual snapshot. */
public final class RdsDeleteSnapshot implements Action {

    private final AwsClients clients;

    public RdsDeleteSnapshot(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.rds.deleteSnapshot";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String snapshot = args.required("snapshot");
        RdsClient rds = clients.get(RdsClient.class, RdsClient::builder, args.text("region"));
        AwsCall.run(context, clients, "RDS", "DeleteDBSnapshot", "rds:DeleteDBSnapshot",
                () -> rds.deleteDBSnapshot(r -> r.dbSnapshotIdentifier(snapshot)));
        context.statusChange(snapshot, "deleted");
        return ActionResult.of("Deleted snapshot " + snapshot, Map.of("deleted", snapshot));
    }
}
