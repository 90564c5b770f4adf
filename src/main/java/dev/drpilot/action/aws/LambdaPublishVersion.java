package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.Args;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** aws.lambda.publishVersion: freezes the function's current code and configuration as a numbered version. */
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
        String version = AwsCall.run(context, clients, "Lambda", "PublishVersion", "lambda:PublishVersion",
                () -> lambda.publishVersion(r -> r.functionName(function).description(description))).version();
        return ActionResult.of("Published " + function + " version " + version, Map.of("version", version));
    }
}
