package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * aws.lambda.updateAlias: points an alias (live) at a published version, the rollback of a bad
 * deploy, then reads the alias back to prove it points there.
 */
public final class LambdaUpdateAlias implements Action {

    private final AwsClients clients;

    public LambdaUpdateAlias(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.lambda.updateAlias";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String function = args.required("function");
        String alias = args.required("alias");
        String version = args.text("version");
        if (version == null || version.isBlank()) {
            throw ActionException.permanent("Which version should " + function + ":" + alias
                    + " point at? Give the last version known to work (see the version list)");
        }
        LambdaClient lambda = clients.get(LambdaClient.class, LambdaClient::builder, args.text("region"));
        String before = AwsCall.run(
                        context,
                        clients,
                        "Lambda",
                        "GetAlias",
                        "lambda:GetAlias",
                        () -> lambda.getAlias(r -> r.functionName(function).name(alias)))
                .functionVersion();
        String now = AwsCall.run(
                        context,
                        clients,
                        "Lambda",
                        "UpdateAlias",
                        "lambda:UpdateAlias",
                        () -> lambda.updateAlias(
                                r -> r.functionName(function).name(alias).functionVersion(version)))
                .functionVersion();
        context.statusChange(function + ":" + alias, "version " + before + " -> " + now);
        String found = AwsCall.ifFound(
                        context,
                        clients,
                        "Lambda",
                        "GetAlias",
                        "lambda:GetAlias",
                        () -> lambda.getAlias(r -> r.functionName(function).name(alias)))
                .map(a -> "version " + a.functionVersion())
                .orElse("no such alias");
        if (!found.equals("version " + version)) {
            throw ActionException.permanent(
                    "Expected alias " + alias + " of " + function + " -> version " + version + ", found " + found
                            + ": something else (a deploy pipeline?) moved it; stop it, then retry this step.");
        }
        return ActionResult.checked(
                function + ":" + alias + " now points at version " + now + " (was " + before + ")",
                Map.of("version", now),
                "alias " + alias + " -> " + found + " (GetAlias)");
    }
}
