package dev.drpilot.readiness;

import dev.drpilot.action.ActionException;
import java.util.List;
import java.util.Map;

/**
 * WebApp Lambda failure "RTO < 1 minute" rests on rolling the alias back to a published version
 * (Lambda Versions: 10 kept): the live alias must point at one, not at $LATEST.
 */
final class LambdaAliasCheck extends GuideCheck {

    private final ActionRead versions;
    private final ActionRead aliases;
    private final String function;
    private final String alias;
    private final String region;

    LambdaAliasCheck(ActionRead versions, ActionRead aliases, String function, String alias, String region) {
        super(
                "WebApp Lambda failure RTO: < 1 minute (alias on a published version)",
                alias + " -> a published version");
        this.versions = versions;
        this.aliases = aliases;
        this.function = function;
        this.alias = alias;
        this.region = region;
    }

    @Override
    ReadinessRow measure() throws ActionException {
        List<String> published =
                ActionRead.list(versions.outputs("function", function, "region", region), "versions").stream()
                        .map(v -> String.valueOf(v.get("version")))
                        .toList();
        String fix = "Publish a version with webapp-backup-lambda-version and point " + alias
                + " at it (aws lambda update-alias --function-name " + function + " --name " + alias
                + " --function-version N).";
        Map<String, Object> read = aliases.outputs("function", function, "alias", alias, "region", region);
        if (!Boolean.TRUE.equals(read.get("exists"))) {
            return judged(false, function + " has no alias " + alias + " (" + published.size() + " published)", fix);
        }
        Object pointsAt = read.get("version");
        String figure =
                function + ":" + alias + " -> " + ("$LATEST".equals(pointsAt) ? "$LATEST" : "version " + pointsAt)
                        + " (" + published.size() + " published)";
        return judged(published.contains(String.valueOf(pointsAt)), figure, fix);
    }
}
