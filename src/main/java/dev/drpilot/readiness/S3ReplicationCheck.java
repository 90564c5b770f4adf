package dev.drpilot.readiness;

import dev.drpilot.action.ActionException;
import java.util.List;
import java.util.Map;

/**
 * Scenario 5, Druid region failure: "RPO ... + < 15 minutes (S3 replication lag)": an enabled
 * replication rule to the DR bucket, with replication time control of 15 minutes.
 */
final class S3ReplicationCheck extends GuideCheck {

    static final int MINUTES = 15;

    private final ActionRead replication;
    private final String bucket;
    private final String replica;
    private final String region;

    S3ReplicationCheck(ActionRead replication, String bucket, String replica, String region) {
        super(
                "Druid region failure RPO: < 15 minutes S3 replication lag",
                "enabled" + (replica == null ? "" : " to " + replica) + ", replication time " + MINUTES + " min");
        this.replication = replication;
        this.bucket = bucket;
        this.replica = replica;
        this.region = region;
    }

    @Override
    ReadinessRow measure() throws ActionException {
        String fix = "Run druid-backup-s3-replication (aws s3api put-bucket-replication --bucket " + bucket
                + " with an enabled rule to " + (replica == null ? "the DR bucket" : replica)
                + " and replication time control of 15 minutes).";
        List<Map<String, Object>> rules;
        try {
            rules = ActionRead.list(replication.outputs("bucket", bucket, "region", region), "rules");
        } catch (ActionException e) {
            // S3GetReplication's own sentence for a bucket without any replication configuration
            if (e.getMessage().contains("has no replication configured"))
                return judged(false, bucket + " has no replication configured", fix);
            throw e;
        }
        Map<String, Object> rule = rules.stream()
                .filter(r -> "Enabled".equals(r.get("status")))
                .filter(r -> replica == null
                        || String.valueOf(r.get("destinationBucketArn")).equals("arn:aws:s3:::" + replica))
                .findFirst()
                .orElse(null);
        if (rule == null) {
            return judged(
                    false,
                    bucket + ": " + rules.size() + " replication rule(s), none enabled"
                            + (replica == null ? "" : " to " + replica),
                    fix);
        }
        Object minutes = rule.get("replicationTimeMinutes");
        String figure = bucket + " replicates to " + rule.get("destinationBucketArn")
                + (minutes == null ? ", without replication time control" : ", replication time " + minutes + " min");
        return judged(minutes instanceof Number n && n.intValue() <= MINUTES, figure, fix);
    }
}
