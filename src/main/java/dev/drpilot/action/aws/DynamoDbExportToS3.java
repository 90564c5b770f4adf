package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import dev.drpilot.action.Polling;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * aws.dynamodb.exportToS3: exports a table (it needs point-in-time recovery) to S3 and waits
 * until the export has completed; a failed export shows AWS's reason. DynamoDB writes each export
 * into a folder of its own under PREFIX/AWSDynamoDB/, so the folders there before the call tell
 * which one is this export's: the export is done only when that folder holds its files.
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
    public ActionResult execute(Map<String, Object> values, ActionContext context)
            throws ActionException, InterruptedException {
        Args args = new Args(values);
        String tableArn = args.required("tableArn");
        String bucket = args.required("bucket");
        String prefix = args.text("prefix");
        String format = args.text("format") == null ? "DYNAMODB_JSON" : args.text("format");
        String region = args.text("region");
        DynamoDbClient dynamo = clients.get(DynamoDbClient.class, DynamoDbClient::builder, region);
        S3Client s3 = clients.get(S3Client.class, S3Client::builder, region);
        String exports = (prefix == null || prefix.isEmpty() ? "" : prefix + "/") + "AWSDynamoDB/";
        Set<String> earlier = folders(context, s3, bucket, exports);
        String exportArn = AwsCall.run(
                        context,
                        clients,
                        "DynamoDB",
                        "ExportTableToPointInTime",
                        "dynamodb:ExportTableToPointInTime, s3:PutObject",
                        () -> dynamo.exportTableToPointInTime(r -> r.tableArn(tableArn)
                                .s3Bucket(bucket)
                                .s3Prefix(prefix)
                                .exportFormat(format)))
                .exportDescription()
                .exportArn();
        context.statusChange(tableArn + " export", "IN_PROGRESS");
        ExportDescription done =
                Polling.until(context, "the export to s3://" + bucket + " to complete", Duration.ofHours(2), () -> {
                    ExportDescription now = AwsCall.run(
                                    context,
                                    clients,
                                    "DynamoDB",
                                    "DescribeExport",
                                    "dynamodb:DescribeExport",
                                    () -> dynamo.describeExport(r -> r.exportArn(exportArn)))
                            .exportDescription();
                    return "IN_PROGRESS".equals(now.exportStatusAsString()) ? Optional.empty() : Optional.of(now);
                });
        context.statusChange(tableArn + " export", done.exportStatusAsString());
        if (!"COMPLETED".equals(done.exportStatusAsString())) {
            throw ActionException.permanent("The export to s3://" + bucket + " " + done.exportStatusAsString() + ": "
                    + done.failureCode() + " " + done.failureMessage());
        }
        return readBack(context, s3, bucket, exports, earlier, done);
    }

    /** The post-condition: a folder that was not under PREFIX/AWSDynamoDB/ before the call now holds files. */
    private ActionResult readBack(
            ActionContext context,
            S3Client s3,
            String bucket,
            String exports,
            Set<String> earlier,
            ExportDescription done)
            throws ActionException {
        Set<String> created = folders(context, s3, bucket, exports);
        created.removeAll(earlier);
        int files = 0;
        long bytes = 0;
        for (String folder : created) {
            for (S3Object file : objects(context, s3, bucket, folder)) {
                files++;
                bytes += file.size();
            }
        }
        String where = "s3://" + bucket + "/" + exports;
        if (files == 0) {
            throw ActionException.permanent("Expected the export's files in a new folder under " + where + ", found "
                    + (created.isEmpty() ? "no new folder" : "only empty new folders")
                    + ": something removed them after the export"
                    + " (a lifecycle rule, another job?). Find it, then retry this step to export again.");
        }
        String checked = files + " file(s), " + bytes + " bytes in "
                + (created.size() == 1
                        ? "s3://" + bucket + "/" + created.iterator().next()
                        : created.size() + " new folders under " + where)
                + " (ListObjectsV2); the export reports " + done.itemCount() + " item(s)";
        return ActionResult.checked(
                "Exported to " + where,
                Map.of("exportArn", done.exportArn(), "status", done.exportStatusAsString()),
                checked);
    }

    /** The export folders under PREFIX/AWSDynamoDB/, every page. */
    private Set<String> folders(ActionContext context, S3Client s3, String bucket, String exports)
            throws ActionException {
        Set<String> folders = new HashSet<>();
        String token = null;
        do {
            String page = token;
            ListObjectsV2Response listed = AwsCall.run(
                    context,
                    clients,
                    "S3",
                    "ListObjectsV2",
                    "s3:ListBucket",
                    () -> s3.listObjectsV2(
                            r -> r.bucket(bucket).prefix(exports).delimiter("/").continuationToken(page)));
            listed.commonPrefixes().stream().map(CommonPrefix::prefix).forEach(folders::add);
            token = listed.nextContinuationToken();
        } while (token != null);
        return folders;
    }

    /** The files in one export folder, every page. */
    private List<S3Object> objects(ActionContext context, S3Client s3, String bucket, String folder)
            throws ActionException {
        List<S3Object> objects = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            ListObjectsV2Response listed = AwsCall.run(
                    context,
                    clients,
                    "S3",
                    "ListObjectsV2",
                    "s3:ListBucket",
                    () -> s3.listObjectsV2(r -> r.bucket(bucket).prefix(folder).continuationToken(page)));
            objects.addAll(listed.contents());
            token = listed.nextContinuationToken();
        } while (token != null);
        return objects;
    }
}
