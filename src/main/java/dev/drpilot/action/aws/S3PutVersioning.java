package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/** aws.s3.putVersioning: turns a bucket's versioning on (Enabled) or suspends it, then reads the status back. */
public final class S3PutVersioning implements Action {

    private final AwsClients clients;

    public S3PutVersioning(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.s3.putVersioning";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String bucket = args.required("bucket");
        String status = args.required("status");
        if (!status.equals("Enabled") && !status.equals("Suspended")) {
            throw ActionException.permanent("status must be Enabled or Suspended, not '" + status + "'");
        }
        S3Client s3 = clients.get(S3Client.class, S3Client::builder, args.text("region"));
        AwsCall.run(
                context,
                clients,
                "S3",
                "PutBucketVersioning",
                "s3:PutBucketVersioning",
                () -> s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(c -> c.status(status))));
        String found = AwsCall.run(
                        context,
                        clients,
                        "S3",
                        "GetBucketVersioning",
                        "s3:GetBucketVersioning",
                        () -> s3.getBucketVersioning(r -> r.bucket(bucket)))
                .statusAsString();
        if (!status.equals(found)) {
            throw ActionException.permanent("Expected versioning of " + bucket + " to be " + status + ", found "
                    + (found == null ? "never enabled" : found)
                    + ": something else changed it; find it, then retry this step.");
        }
        return ActionResult.checked(
                "Versioning of " + bucket + " set to " + status,
                Map.of("status", status),
                "versioning of " + bucket + " is " + found + " (GetBucketVersioning)");
    }
}
