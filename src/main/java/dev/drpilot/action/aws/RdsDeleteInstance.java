package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;

/**
 * aws.rds.deleteInstance: deletes an instance (a drill's test instance), with or without a final
 * snapshot, then reads it back: gone, or deleting.
 */
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
        AwsCall.run(
                context,
                clients,
                "RDS",
                "DeleteDBInstance",
                "rds:DeleteDBInstance",
                () -> rds.deleteDBInstance(r -> {
                    r.dbInstanceIdentifier(instance).skipFinalSnapshot(skipFinal);
                    if (!skipFinal) r.finalDBSnapshotIdentifier(instance + "-final");
                }));
        Optional<DBInstance> left = AwsCall.ifFound(
                        context,
                        clients,
                        "RDS",
                        "DescribeDBInstances",
                        "rds:DescribeDBInstances",
                        () -> rds.describeDBInstances(r -> r.dbInstanceIdentifier(instance)))
                .map(DescribeDbInstancesResponse::dbInstances)
                .flatMap(instances -> instances.stream().findFirst());
        String status = left.map(DBInstance::dbInstanceStatus).orElse("deleted");
        if (!"deleted".equals(status) && !"deleting".equals(status)) {
            throw ActionException.permanent("Expected instance " + instance + " gone or deleting, found it " + status
                    + ": something created it again right after the delete. Find what did, then retry this step.");
        }
        context.statusChange(instance, status);
        return ActionResult.checked(
                "Deleting " + instance
                        + (skipFinal ? " without a final snapshot" : ", final snapshot " + instance + "-final"),
                Map.of("status", status),
                left.isEmpty()
                        ? "instance " + instance + " is gone (DescribeDBInstances: not found)"
                        : "instance " + instance + " reads deleting (DescribeDBInstances)");
    }
}
