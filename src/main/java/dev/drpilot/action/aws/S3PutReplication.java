package dev.drpilot.action.aws;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.Args;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteMarkerReplicationStatus;
import software.amazon.awssdk.services.s3.model.MetricsStatus;
import software.amazon.awssdk.services.s3.model.ReplicationRule;
import software.amazon.awssdk.services.s3.model.ReplicationRuleStatus;
import software.amazon.awssdk.services.s3.model.ReplicationTimeStatus;

/**
 * aws.s3.putReplication: the guide's replication.json, one rule for the whole bucket, delete
 * markers replicated, with replication time control (which requires replication metrics).
 */
public final class S3PutReplication implements Action {

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
            throw ActionException.permanent("destinationBucketArn: '" + destination + "' is not a bucket ARN such as arn:aws:s3:::fff-druid-deep-storage-dr");
        }
        int minutes = args.integer("replicationTimeMinutes");
        int priority = args.integer("priority");
        ReplicationRule rule = ReplicationRule.builder().id("dr-replication").status(ReplicationRuleStatus.ENABLED).priority(priority)
                .filter(f -> f.prefix(""))
                .deleteMarkerReplication(d -> d.status(DeleteMarkerReplicationStatus.ENABLED))
                .destination(d -> d.bucket(destination)
                        .replicationTime(t -> t.status(ReplicationTimeStatus.ENABLED).time(m -> m.minutes(minutes)))
                        .metrics(m -> m.status(MetricsStatus.ENABLED).eventThreshold(e -> e.minutes(minutes))))
                .build();
        S3Client s3 = clients.get(S3Client.class, S3Client::builder, args.text("region"));
        AwsCall.run(context, clients, "S3", "PutBucketReplication", "s3:PutReplicationConfiguration, iam:PassRole",
                () -> s3.putBucketReplication(r -> r.bucket(bucket).replicationConfiguration(c -> c.role(role).rules(rule))));
        return ActionResult.of(bucket + " replicates to " + destination + " within " + minutes + " minutes",
                Map.of("rules", java.util.List.of(S3Rules.describe(rule))));
    }
}
