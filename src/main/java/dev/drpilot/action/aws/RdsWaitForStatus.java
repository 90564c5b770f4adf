package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
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
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException, InterruptedException {
        Args args = new Args(values);
        String instance = args.required("instance");
        String wanted = args.required("status");
        AtomicReference<String> last = new AtomicReference<>();
        AtomicReference<ActionException> failure = new AtomicReference<>();
        DBInstance db = context.waitUntil(instance + " to be " + wanted, () -> {
            try {
                DBInstance now = RdsDescribeInstance.describe(clients, context, instance, args.text("region"));
                if (!now.dbInstanceStatus().equals(last.getAndSet(now.dbInstanceStatus()))) {
                    context.statusChange(instance, now.dbInstanceStatus());
                }
                return now.dbInstanceStatus().equals(wanted) ? Optional.of(now) : Optional.empty();
            } catch (ActionException e) {
                if (!e.isTransient()) failure.set(e);
                return failure.get() == null ? Optional.empty() : Optional.of(DBInstance.builder().build());
            }
        }, LONGEST_WAIT);
        if (failure.get() != null) throw failure.get();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", db.dbInstanceStatus());
        if (db.endpoint() != null) out.put("endpoint", db.endpoint().address());
        return ActionResult.of(instance + " is " + wanted + (db.endpoint() == null ? "" : " at " + db.endpoint().address()), out);
    }
}
