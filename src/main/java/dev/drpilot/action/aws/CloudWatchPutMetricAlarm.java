package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.Args;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/** aws.cloudwatch.putMetricAlarm: creates or updates one of the guide's DR alarms. */
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
        CloudWatchClient cloudWatch = clients.get(CloudWatchClient.class, CloudWatchClient::builder, args.text("region"));
        String metric = args.required("metricName");
        String namespace = args.required("namespace");
        String statistic = args.required("statistic");
        int period = args.integer("period");
        double threshold = args.integer("threshold");
        String operator = args.required("comparisonOperator");
        int evaluations = args.text("evaluationPeriods") == null ? 1 : args.integer("evaluationPeriods");
        AwsCall.run(context, clients, "CloudWatch", "PutMetricAlarm", "cloudwatch:PutMetricAlarm", () -> cloudWatch.putMetricAlarm(r -> r
                .alarmName(name).alarmDescription(args.text("alarmDescription")).metricName(metric).namespace(namespace)
                .statistic(statistic).period(period).threshold(threshold).comparisonOperator(operator).evaluationPeriods(evaluations)));
        return ActionResult.of("Alarm " + name + " is set", Map.of("alarmName", name));
    }
}
