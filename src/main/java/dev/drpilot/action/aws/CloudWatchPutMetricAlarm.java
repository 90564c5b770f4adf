package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * aws.cloudwatch.putMetricAlarm: creates or updates one of the guide's DR alarms, then reads the
 * alarm back to prove it watches the metric with the threshold asked.
 */
public final class CloudWatchPutMetricAlarm implements Action {

    private final AwsClients clients;

    public CloudWatchPutMetricAlarm(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.cloudwatch.putMetricAlarm";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String name = args.required("alarmName");
        CloudWatchClient cloudWatch =
                clients.get(CloudWatchClient.class, CloudWatchClient::builder, args.text("region"));
        String metric = args.required("metricName");
        String namespace = args.required("namespace");
        String statistic = args.required("statistic");
        int period = args.integer("period");
        double threshold = args.integer("threshold");
        String operator = args.required("comparisonOperator");
        int evaluations = args.text("evaluationPeriods") == null ? 1 : args.integer("evaluationPeriods");
        AwsCall.run(
                context,
                clients,
                "CloudWatch",
                "PutMetricAlarm",
                "cloudwatch:PutMetricAlarm",
                () -> cloudWatch.putMetricAlarm(r -> r.alarmName(name)
                        .alarmDescription(args.text("alarmDescription"))
                        .metricName(metric)
                        .namespace(namespace)
                        .statistic(statistic)
                        .period(period)
                        .threshold(threshold)
                        .comparisonOperator(operator)
                        .evaluationPeriods(evaluations)));
        String expected = described(metric, namespace, statistic, period, operator, threshold, evaluations);
        String found = AwsCall.run(
                        context,
                        clients,
                        "CloudWatch",
                        "DescribeAlarms",
                        "cloudwatch:DescribeAlarms",
                        () -> cloudWatch.describeAlarms(r -> r.alarmNames(name)))
                .metricAlarms()
                .stream()
                .findFirst()
                .map(a -> described(
                        a.metricName(),
                        a.namespace(),
                        a.statisticAsString(),
                        a.period(),
                        a.comparisonOperatorAsString(),
                        a.threshold(),
                        a.evaluationPeriods()))
                .orElse("no such alarm");
        if (!found.equals(expected)) {
            throw ActionException.permanent("Expected alarm " + name + " on " + expected + ", found " + found
                    + ": something else changed or deleted it; find it, then retry this step.");
        }
        return ActionResult.checked(
                "Alarm " + name + " is set",
                Map.of("alarmName", name),
                "alarm " + name + " reads back on " + found + " (DescribeAlarms)");
    }

    private static String described(
            String metric,
            String namespace,
            String statistic,
            Integer period,
            String operator,
            Double threshold,
            Integer evaluations) {
        return namespace + " " + metric + " " + statistic + " per " + period + " s " + operator + " " + threshold
                + " for " + evaluations + " period(s)";
    }
}
