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
import software.amazon.awssdk.services.s3.model.DeleteMarkerReplicationStatus;
import software.amazon.awssdk.services.s3.model.MetricsStatus;
import software.amazon.awssdk.services.s3.model.ReplicationConfiguration;
import software.amazon.awssdk.services.s3.model.ReplicationRule;
import software.amazon.awssdk.services.s3.model.ReplicationRuleStatus;
import software.amazon.awssdk.services.s3.model.ReplicationTimeStatus;

/**
 * aws.s3.putReplication: the guide's replication.json, one rule for the whole bucket, delete
 * markers replicated, with replication time control (which requires replication metrics). Succeeds
 * only when the rule reads back with the role, destination, priority and time sent.
 */
public final class S3PutReplication implements Action {

    private static final String RULE = "dr-replication";

    private final AwsClients clients;

    public S3PutReplication(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return "aws.s3.putReplication";
    }

    @Override
    public ActionResult execute(Map<String, Object> values, ActionContext context) throws ActionException {
        Args args = new Args(values);
        String bucket = args.required("bucket");
        String role = args.required("roleArn");
        String destination = args.required("destinationBucketArn");
        if (!destination.startsWith("arn:aws:s3:::")) {
            throw ActionException.permanent("destinationBucketArn: '" + destination
                    + "' is not a bucket ARN such as arn:aws:s3:::fff-druid-deep-storage-dr");
        }
        int minutes = args.integer("replicationTimeMinutes");
        int priority = args.integer("priority");
        ReplicationRule rule = ReplicationRule.builder()
                .id(RULE)
                .status(ReplicationRuleStatus.ENABLED)
                .priority(priority)
                .filter(f -> f.prefix(""))
                .deleteMarkerReplication(d -> d.status(DeleteMarkerReplicationStatus.ENABLED))
                .destination(d -> d.bucket(destination)
                        .replicationTime(
                                t -> t.status(ReplicationTimeStatus.ENABLED).time(m -> m.minutes(minutes)))
                        .metrics(m -> m.status(MetricsStatus.ENABLED).eventThreshold(e -> e.minutes(minutes))))
                .build();
        S3Client s3 = clients.get(S3Client.class, S3Client::builder, args.text("region"));
        AwsCall.run(
                context,
                clients,
                "S3",
                "PutBucketReplication",
                "s3:PutReplicationConfiguration, iam:PassRole",
                () -> s3.putBucketReplication(r -> r.bucket(bucket)
                        .replicationConfiguration(c -> c.role(role).rules(rule))));
        readBack(context, s3, bucket, role, rule);
        return ActionResult.checked(
                bucket + " replicates to " + destination + " within " + minutes + " minutes",
                Map.of("rules", List.of(S3Rules.describe(rule))),
                "rule " + RULE + " reads back as sent: enabled, to " + destination + " within " + minutes
                        + " minutes, role " + role + ", priority " + priority + " (GetBucketReplication)");
    }

    /** The post-condition: the bucket's replication has our rule, with every setting as sent. */
    private void readBack(ActionContext context, S3Client s3, String bucket, String role, ReplicationRule sent)
            throws ActionException {
        String problem = AwsCall.ifFound(
                        context,
                        clients,
                        "S3",
                        "GetBucketReplication",
                        "s3:GetReplicationConfiguration",
                        () -> s3.getBucketReplication(r -> r.bucket(bucket)))
                .map(found -> problem(found.replicationConfiguration(), role, sent))
                .orElse("no replication configured");
        if (!problem.isEmpty()) {
            throw ActionException.permanent("Expected " + bucket + " to replicate with rule " + RULE + " to "
                    + sent.destination().bucket() + ", found " + problem
                    + ": something else changed the bucket's replication; find it, then retry this step.");
        }
    }

    /** What differs between our rule as sent and as read back, or "" when nothing does. */
    private static String problem(ReplicationConfiguration config, String role, ReplicationRule sent) {
        return config.rules().stream()
                .filter(r -> RULE.equals(r.id()))
                .findFirst()
                .map(found ->
                        String.join(", ", S3Rules.differences(described(sent, role), described(found, config.role()))))
                .orElse("no rule " + RULE);
    }

    private static Map<String, Object> described(ReplicationRule rule, String role) {
        Map<String, Object> out = new LinkedHashMap<>(S3Rules.describe(rule));
        out.put("role", role);
        out.put("priority", rule.priority());
        return out;
    }
}
