package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import dev.drpilot.action.Polling;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.rds.model.DBInstance;

/** aws.rds.waitForStatus: polls an instance (with the engine's backoff) until it reaches a status. */
public final class RdsWaitForStatus implements Action {

    private static final Duration LONGEST_WAIT = Duration.ofHours(2);

    private final AwsClients clients;

    public RdsWaitForStatus(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.rds.waitForStatus";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context)
            throws ActionException, InterruptedException {
        Args args = new Args(values);
        String instance = args.required("instance");
        String wanted = args.required("status");
        String[] last = {null};
        DBInstance db = Polling.until(context, instance + " to be " + wanted, LONGEST_WAIT, () -> {
            DBInstance now = RdsDescribeInstance.describe(clients, context, instance, args.text("region"));
            if (!now.dbInstanceStatus().equals(last[0])) context.statusChange(instance, now.dbInstanceStatus());
            last[0] = now.dbInstanceStatus();
            return now.dbInstanceStatus().equals(wanted) ? Optional.of(now) : Optional.empty();
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", db.dbInstanceStatus());
        if (db.endpoint() != null) out.put("endpoint", db.endpoint().address());
        return ActionResult.of(
                instance + " is " + wanted
                        + (db.endpoint() == null ? "" : " at " + db.endpoint().address()),
                out);
    }
}
