package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.Map;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** aws.sts.getCallerIdentity: which account and role the operator's credentials act as. */
public final class StsGetCallerIdentity implements Action {

    private final AwsClients clients;

    public StsGetCallerIdentity(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.sts.getCallerIdentity";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        GetCallerIdentityResponse who = clients.checkIdentity(context, new Args(values).text("region"));
        return ActionResult.of(
                "Acting as " + who.arn() + " in account " + who.account(),
                Map.of("account", who.account(), "arn", who.arn(), "userId", who.userId()));
    }
}
