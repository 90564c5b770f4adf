package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.List;
import java.util.Map;

/** aws.cognito.listUsers: every user of a pool (all pages). */
public final class CognitoListUsers implements Action {

    private final AwsClients clients;

    public CognitoListUsers(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.cognito.listUsers";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String pool = args.required("userPoolId");
        List<Map<String, Object>> users = CognitoUsers.all(context, clients, pool, args.text("region"));
        return ActionResult.of(users.size() + " user(s) in " + pool, Map.of("users", users, "count", users.size()));
    }
}
