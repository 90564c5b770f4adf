package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.Args;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import java.util.Map;
import software.amazon.awssdk.services.rds.RdsClient;

/** aws.rds.deleteInstance: deletes an instance (a drill's test instance), with or without a final snapshot. */
public final class RdsDeleteInstance implements Action {

    private final AwsClients clients;

    public RdsDeleteInstance(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.rds.deleteInstance";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String instance = args.required("instance");
        boolean skipFinal = args.flag("skipFinalSnapshot");
        RdsClient rds = clients.get(RdsClient.class, RdsClient::builder, args.text("region"));
        String status = AwsCall.run(context, clients, "RDS", "DeleteDBInstance", "rds:DeleteDBInstance", () -> rds.deleteDBInstance(r -> {
            r.dbInstanceIdentifier(instance).skipFinalSnapshot(skipFinal);
            if (!skipFinal) r.finalDBSnapshotIdentifier(instance + "-final");
        })).dbInstance().dbInstanceStatus();
        context.statusChange(instance, status);
        return ActionResult.of("Deleting " + instance + (skipFinal ? " without a final snapshot" : ", final snapshot " + instance + "-final"),
                Map.of("status", status));
    }
}
