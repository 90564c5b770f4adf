package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.Args;
import dev.drpilot.action.Polling;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;

/**
 * aws.dynamodb.exportToS3: exports a table (it needs point-in-time recovery) to S3 and waits
 * until the export has completed; a failed export shows AWS's reason.
 */
public final class DynamoDbExportToS3 implements Action {

    private final AwsClients clients;

    public DynamoDbExportToS3(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.dynamodb.exportToS3";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException, InterruptedException {
        Args args = new Args(values);
        String tableArn = args.required("tableArn");
        String bucket = args.required("bucket");
        String prefix = args.text("prefix");
        String format = args.text("format") == null ? "DYNAMODB_JSON" : args.text("format");
        DynamoDbClient dynamo = clients.get(DynamoDbClient.class, DynamoDbClient::builder, args.text("region"));
        String exportArn = AwsCall.run(context, clients, "DynamoDB", "ExportTableToPointInTime", "dynamodb:ExportTableToPointInTime, s3:PutObject",
                () -> dynamo.exportTableToPointInTime(r -> r.tableArn(tableArn).s3Bucket(bucket).s3Prefix(prefix).exportFormat(format)))
                .exportDescription().exportArn();
        context.statusChange(tableArn + " export", "IN_PROGRESS");
        ExportDescription done = Polling.until(context, "the export to s3://" + bucket + " to complete", Duration.ofHours(2), () -> {
            ExportDescription now = AwsCall.run(context, clients, "DynamoDB", "DescribeExport", "dynamodb:DescribeExport",
                    () -> dynamo.describeExport(r -> r.exportArn(exportArn))).exportDescription();
            return "IN_PROGRESS".equals(now.exportStatusAsString()) ? Optional.empty() : Optional.of(now);
        });
        context.statusChange(tableArn + " export", done.exportStatusAsString());
        if (!"COMPLETED".equals(done.exportStatusAsString())) {
            throw ActionException.permanent("The export to s3://" + bucket + " " + done.exportStatusAsString() + ": "
                    + done.failureCode() + " " + done.failureMessage());
        }
        return ActionResult.of("Exported to s3://" + bucket + "/" + (prefix == null ? "" : prefix),
                Map.of("exportArn", exportArn, "status", done.exportStatusAsString()));
    }
}
