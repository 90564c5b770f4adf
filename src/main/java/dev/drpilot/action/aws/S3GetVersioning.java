package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/** aws.s3.getVersioning: a bucket's versioning status (empty when never enabled). */
public final class S3GetVersioning implements Action {

    private final AwsClients clients;

    public S3GetVersioning(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.s3.getVersioning";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String bucket = args.required("bucket");
        S3Client s3 = clients.get(S3Client.class, S3Client::builder, args.text("region"));
        String status = AwsCall.run(
                        context,
                        clients,
                        "S3",
                        "GetBucketVersioning",
                        "s3:GetBucketVersioning",
                        () -> s3.getBucketVersioning(r -> r.bucket(bucket)))
                .statusAsString();
        String shown = status == null ? "" : status;
        return ActionResult.of(
                "Versioning of " + bucket + ": " + (shown.isEmpty() ? "never enabled" : shown),
                Map.of("status", shown));
    }
}
