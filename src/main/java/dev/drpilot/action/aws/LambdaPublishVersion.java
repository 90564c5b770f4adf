package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;

/**
 * aws.lambda.publishVersion: freezes the function's current code and configuration as a numbered
 * version, then reads that version back to prove it exists with the code published.
 */
public final class LambdaPublishVersion implements Action {

    private final AwsClients clients;

    public LambdaPublishVersion(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.lambda.publishVersion";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String function = args.required("function");
        String description = args.text("description");
        LambdaClient lambda = clients.get(LambdaClient.class, LambdaClient::builder, args.text("region"));
        PublishVersionResponse published = AwsCall.run(
                context,
                clients,
                "Lambda",
                "PublishVersion",
                "lambda:PublishVersion",
                () -> lambda.publishVersion(r -> r.functionName(function).description(description)));
        String version = published.version();
        String code = published.codeSha256();
        String found = AwsCall.ifFound(
                        context,
                        clients,
                        "Lambda",
                        "GetFunctionConfiguration",
                        "lambda:GetFunctionConfiguration",
                        () -> lambda.getFunctionConfiguration(
                                r -> r.functionName(function).qualifier(version)))
                .map(c -> Objects.equals(code, c.codeSha256()) ? "" : "code " + c.codeSha256())
                .orElse("no such version");
        if (!found.isEmpty()) {
            throw ActionException.permanent("Expected version " + version + " of " + function + " with code " + code
                    + ", found " + found + ": something deleted or replaced it; publish again (retry this step).");
        }
        return ActionResult.checked(
                "Published " + function + " version " + version,
                Map.of("version", version),
                "version " + version + " of " + function + " reads back with the code published, " + code
                        + " (GetFunctionConfiguration)");
    }
}
