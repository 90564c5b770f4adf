package dev.drpilot.readiness;

import dev.drpilot.action.ActionException;
import dev.drpilot.action.aws.AwsClients;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * WebApp Lambda failure "RTO < 1 minute" rests on rolling the alias back to a published version
 * (Lambda Versions: 10 kept): the live alias must point at one, not at $LATEST.
 */
final class LambdaAliasCheck extends GuideCheck {

    private final ActionRead versions;
    private final AwsClients clients;
    private final String function;
    private final String alias;
    private final String region;

    LambdaAliasCheck(ActionRead versions, AwsClients clients, String function, String alias, String region) {
        super("WebApp Lambda failure RTO: < 1 minute (alias on a published version)", alias + " -> a published version");
        this.versions = versions;
        this.clients = clients;
        this.function = function;
        this.alias = alias;
        this.region = region;
    }

    @Override
    ReadinessRow measure() throws ActionException {
        List<String> published = ActionRead.list(versions.outputs("function", function, "region", region), "versions").stream()
                .map(v -> String.valueOf(v.get("version"))).toList();
        String fix = "Publish a version with webapp-backup-lambda-version and point " + alias
                + " at it (aws lambda update-alias --function-name " + function + " --name " + alias + " --function-version N).";
        String pointsAt;
        try {
            // no catalogue action reads an alias alone (aws.lambda.updateAlias reads it around its change)
            pointsAt = clients.get(LambdaClient.class, LambdaClient::builder, region)
                    .getAlias(r -> r.functionName(function).name(alias)).functionVersion();
        } catch (ResourceNotFoundException e) {
            return judged(false, function + " has no alias " + alias + " (" + published.size() + " published)", fix);
        } catch (SdkException e) {
            return ReadinessRow.unknown(name(), target(), SdkFailures.reason(e, "Lambda GetAlias", "lambda:GetAlias"));
        }
        String figure = function + ":" + alias + " -> " + ("$LATEST".equals(pointsAt) ? "$LATEST" : "version " + pointsAt)
                + " (" + published.size() + " published)";
        return judged(published.contains(pointsAt), figure, fix);
    }
}
