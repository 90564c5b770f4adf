package dev.drpilot.readiness;

import dev.drpilot.action.ActionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scenario 5's "< 15 minutes S3 replication lag", read on the objects themselves: the replication
 * status of the newest objects of the replicated bucket. A FAILED one, or one PENDING for longer
 * than the replication time, breaches the target.
 */
final class S3ReplicationStatusCheck extends GuideCheck {

    /** How many of the newest objects are read (one HeadObject each). */
    static final int NEWEST = 10;

    private final ActionRead newest;
    private final ActionRead head;
    private final String bucket;
    private final String region;

    S3ReplicationStatusCheck(ActionRead newest, ActionRead head, String bucket, String region) {
        super(
                "Druid region failure RPO: newest segments replicated (S3 replication status)",
                "COMPLETED, none FAILED or PENDING > " + S3ReplicationCheck.MINUTES + " min");
        this.newest = newest;
        this.head = head;
        this.bucket = bucket;
        this.region = region;
    }

    @Override
    ReadinessRow measure() throws ActionException {
        List<Map<String, Object>> objects = ActionRead.list(
                newest.outputs("bucket", bucket, "limit", String.valueOf(NEWEST), "region", region), "objects");
        if (objects.isEmpty())
            return ReadinessRow.unknown(
                    name(), target(), bucket + " holds no object yet, so no replication status can be read.");
        Map<String, Integer> counts = new TreeMap<>();
        List<String> late = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            String key = String.valueOf(object.get("key"));
            String status = String.valueOf(
                    head.outputs("bucket", bucket, "key", key, "region", region).get("replicationStatus"));
            counts.merge(status.isEmpty() ? "none" : status, 1, Integer::sum);
            Duration age = head.ageOf(object.get("lastModified"));
            if ("FAILED".equals(status)
                    || "PENDING".equals(status) && age != null && age.toMinutes() >= S3ReplicationCheck.MINUTES)
                late.add(key);
        }
        String figure = "newest " + objects.size() + " of " + bucket + ": "
                + counts.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey())
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("");
        if (counts.keySet().equals(Set.of("none"))) {
            return ReadinessRow.unknown(
                    name(),
                    target(),
                    "S3 reports no replication status on the newest objects of " + bucket
                            + ": they were written before a replication rule applied to them, or the endpoint does not report it (moto does not).");
        }
        return judged(
                late.isEmpty() && counts.getOrDefault("none", 0) == 0,
                figure,
                late.isEmpty()
                        ? "Some of the newest objects of " + bucket
                                + " carry no replication status: check the replication rule's filter covers them."
                        : "Replication of " + String.join(", ", late)
                                + " failed or is late: check the replication role's permissions and the DR bucket"
                                + " (aws s3api head-object --bucket " + bucket + " --key " + late.getFirst()
                                + "), then copy them again.");
    }
}
