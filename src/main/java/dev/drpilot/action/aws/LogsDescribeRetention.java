package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/**
 * aws.logs.describeRetention: the retention of every log group under a prefix. A group that
 * never expires counts as 0 days for the minimum, so a readiness check on "at least 30" flags
 * it: logs kept forever break the retention policy as surely as logs kept too short.
 */
public final class LogsDescribeRetention implements Action {

    private final AwsClients clients;

    public LogsDescribeRetention(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.logs.describeRetention";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String prefix = args.required("logGroupPrefix");
        CloudWatchLogsClient logs =
                clients.get(CloudWatchLogsClient.class, CloudWatchLogsClient::builder, args.text("region"));
        List<LogGroup> groups = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            DescribeLogGroupsResponse response = AwsCall.run(
                    context,
                    clients,
                    "CloudWatchLogs",
                    "DescribeLogGroups",
                    "logs:DescribeLogGroups",
                    () -> logs.describeLogGroups(
                            r -> r.logGroupNamePrefix(prefix).nextToken(page)));
            groups.addAll(response.logGroups());
            token = response.nextToken();
        } while (token != null && !token.isEmpty());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "groups",
                groups.stream()
                        .map(g -> Map.of(
                                "name",
                                g.logGroupName(),
                                "retentionDays",
                                g.retentionInDays() == null ? 0 : g.retentionInDays()))
                        .toList());
        out.put("count", groups.size());
        groups.stream()
                .mapToInt(g -> g.retentionInDays() == null ? 0 : g.retentionInDays())
                .min()
                .ifPresent(min -> out.put("minRetentionDays", min));
        long forever = groups.stream().filter(g -> g.retentionInDays() == null).count();
        return ActionResult.of(
                groups.size() + " log group(s) under " + prefix
                        + (forever == 0 ? "" : ", " + forever + " never expiring"),
                out);
    }
}
