package dev.drpilot.action.aws;

import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;

/**
 * The post-condition of an instance restore, read right after the call: the new instance exists,
 * is the one the restore answered with (same resource id and engine: RDS records no source on
 * the instance itself) and is not failing or going away. Waiting for it to be available is the
 * runbook's next step.
 */
final class RdsRestoredInstance {

    private static final Set<String> LOST = Set.of(
            "deleting",
            "failed",
            "incompatible-restore",
            "incompatible-parameters",
            "incompatible-network",
            "inaccessible-encryption-credentials",
            "restore-error");

    private RdsRestoredInstance() {}

    /**
     * @param created what the restore call answered
     * @param source  what it was restored from, for the operator ("druid-metadata at 2024-...", "snapshot x")
     * @return what was read, for the step's "checked"
     */
    static String readBack(AwsClients clients, ActionContext context, RdsClient rds, DBInstance created, String source)
            throws ActionException {
        String target = created.dbInstanceIdentifier();
        String expected = "Expected instance " + target + " (" + created.engine() + ", creating) restored from "
                + source + ", found ";
        Optional<DBInstance> found = AwsCall.ifFound(
                        context,
                        clients,
                        "RDS",
                        "DescribeDBInstances",
                        "rds:DescribeDBInstances",
                        () -> rds.describeDBInstances(r -> r.dbInstanceIdentifier(target)))
                .map(DescribeDbInstancesResponse::dbInstances)
                .flatMap(instances -> instances.stream().findFirst());
        if (found.isEmpty()) {
            throw ActionException.permanent(
                    expected + "none: something deleted it right after the restore. Retry this step to restore again.");
        }
        DBInstance db = found.get();
        if (!Objects.equals(created.engine(), db.engine())
                || !Objects.equals(created.dbiResourceId(), db.dbiResourceId())) {
            throw ActionException.permanent(
                    expected + "another instance of that name (" + db.engine() + ", resource id " + db.dbiResourceId()
                            + "): check which instance the application should use, then retry this step with a free target name.");
        }
        if (LOST.contains(db.dbInstanceStatus())) {
            throw ActionException.permanent(expected + "it " + db.dbInstanceStatus() + ": the restore will not finish."
                    + " Read the instance's events in the RDS console, then retry this step.");
        }
        return "instance " + target + " exists (" + db.dbInstanceStatus() + ", " + db.engine()
                + "), the one restored from " + source + " (DescribeDBInstances)";
    }
}
