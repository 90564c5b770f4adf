package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * aws.s3.headObject: an object's metadata without its content: when it was written, its size, and
 * its replication status (COMPLETED, PENDING or FAILED on a replicated bucket's source object,
 * REPLICA on the copy, empty when no replication rule applied to it).
 */
public final class S3HeadObject implements Action {

    private final AwsClients clients;

    public S3HeadObject(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.s3.headObject";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String bucket = args.required("bucket");
        String key = args.required("key");
        S3Client s3 = clients.get(S3Client.class, S3Client::builder, args.text("region"));
        HeadObjectResponse head = AwsCall.run(
                context,
                clients,
                "S3",
                "HeadObject",
                "s3:GetObject",
                () -> s3.headObject(r -> r.bucket(bucket).key(key)));
        String replication = head.replicationStatusAsString() == null ? "" : head.replicationStatusAsString();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lastModified", String.valueOf(head.lastModified()));
        out.put("size", head.contentLength());
        out.put("replicationStatus", replication);
        return ActionResult.of(
                "s3://" + bucket + "/" + key + ": " + head.contentLength() + " bytes, written " + head.lastModified()
                        + (replication.isEmpty() ? ", no replication status" : ", replication " + replication),
                out);
    }
}
