package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;

/** aws.lambda.getAlias: which version an alias points at; a function without that alias says so in its outputs. */
public final class LambdaGetAlias implements Action {

    private final AwsClients clients;

    public LambdaGetAlias(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.lambda.getAlias";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String function = args.required("function");
        String alias = args.required("alias");
        LambdaClient lambda = clients.get(LambdaClient.class, LambdaClient::builder, args.text("region"));
        GetAliasResponse found = AwsCall.ifFound(
                        context,
                        clients,
                        "Lambda",
                        "GetAlias",
                        "lambda:GetAlias",
                        () -> lambda.getAlias(r -> r.functionName(function).name(alias)))
                .orElse(null);
        if (found == null) return ActionResult.of(function + " has no alias " + alias, Map.of("exists", false));
        return ActionResult.of(
                function + ":" + alias + " points at version " + found.functionVersion(),
                Map.of("exists", true, "version", found.functionVersion(), "aliasArn", found.aliasArn()));
    }
}
