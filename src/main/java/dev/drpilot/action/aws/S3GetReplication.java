package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.Args;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ReplicationRule;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** aws.s3.getReplication: a bucket's replication rules; a bucket without any says so plainly. */
public final class S3GetReplication implements Action {

    private final AwsClients clients;

    public S3GetReplication(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.s3.getReplication";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String bucket = args.required("bucket");
        S3Client s3 = clients.get(S3Client.class, S3Client::builder, args.text("region"));
        List<ReplicationRule> rules;
        try {
            rules = AwsCall.run(
                            context,
                            clients,
                            "S3",
                            "GetBucketReplication",
                            "s3:GetReplicationConfiguration",
                            () -> s3.getBucketReplication(r -> r.bucket(bucket)))
                    .replicationConfiguration()
                    .rules();
        } catch (ActionException e) {
            if (e.getCause() instanceof S3Exception s
                    && "ReplicationConfigurationNotFoundError"
                            .equals(s.awsErrorDetails().errorCode())) {
                throw ActionException.permanent(
                        bucket + " has no replication configured: run druid-backup-s3-replication");
            }
            throw e;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> described =
                rules.stream().map(S3Rules::describe).toList();
        out.put("rules", described);
        if (!described.isEmpty()) {
            out.put("destinationBucketArn", described.get(0).get("destinationBucketArn"));
            if (described.get(0).containsKey("replicationTimeMinutes"))
                out.put("replicationTimeMinutes", described.get(0).get("replicationTimeMinutes"));
        }
        return ActionResult.of(
                bucket + ": " + rules.size() + " replication rule(s)"
                        + (described.isEmpty() ? "" : ", to " + described.get(0).get("destinationBucketArn")),
                out);
    }
}
