package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/** aws.cloudwatch.describeAlarms: the alarms found by name, with their state, and the names missing. */
public final class CloudWatchDescribeAlarms implements Action {

    private final AwsClients clients;

    public CloudWatchDescribeAlarms(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.cloudwatch.describeAlarms";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Object given = values.get("alarmNames");
        List<String> names = given instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(given));
        CloudWatchClient cloudWatch =
                clients.get(CloudWatchClient.class, CloudWatchClient::builder, new Args(values).text("region"));
        List<MetricAlarm> found = AwsCall.run(
                        context,
                        clients,
                        "CloudWatch",
                        "DescribeAlarms",
                        "cloudwatch:DescribeAlarms",
                        () -> cloudWatch.describeAlarms(r -> r.alarmNames(names)))
                .metricAlarms();
        List<String> missing = new ArrayList<>(names);
        found.forEach(a -> missing.remove(a.alarmName()));
        List<Map<String, Object>> alarms = found.stream()
                .map(a ->
                        Map.<String, Object>of("name", a.alarmName(), "state", String.valueOf(a.stateValueAsString())))
                .toList();
        return ActionResult.of(
                found.size() + " of " + names.size() + " alarm(s) found"
                        + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing)),
                Map.of("alarms", alarms, "missing", missing, "count", found.size()));
    }
}
