package dev.drpilot.action.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.ReplicationRule;
import software.amazon.awssdk.services.s3.model.Transition;

/** S3 replication and lifecycle rules as plain maps, for step outputs and the log, and for comparing a rule read back with the rule sent. */
final class S3Rules {

    private S3Rules() {}

    static Map<String, Object> describe(ReplicationRule rule) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", String.valueOf(rule.id()));
        out.put("status", String.valueOf(rule.statusAsString()));
        out.put("destinationBucketArn", rule.destination().bucket());
        if (rule.destination().replicationTime() != null
                && rule.destination().replicationTime().time() != null) {
            out.put(
                    "replicationTimeMinutes",
                    rule.destination().replicationTime().time().minutes());
        }
        return out;
    }

    static Map<String, Object> describe(LifecycleRule rule) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", String.valueOf(rule.id()));
        out.put("status", String.valueOf(rule.statusAsString()));
        if (rule.filter() != null && rule.filter().prefix() != null)
            out.put("prefix", rule.filter().prefix());
        for (Transition t : rule.transitions()) out.put(t.storageClassAsString(), t.days());
        if (rule.expiration() != null && rule.expiration().days() != null)
            out.put("expireAfterDays", rule.expiration().days());
        return out;
    }

    /** What differs between a rule sent and the rule read back, each as "name found (expected sent)", in the order of the rule sent. */
    static List<String> differences(Map<String, Object> sent, Map<String, Object> found) {
        List<String> out = new ArrayList<>();
        sent.forEach((name, value) -> {
            if (!Objects.equals(value, found.get(name)))
                out.add(name + " " + found.getOrDefault(name, "missing") + " (expected " + value + ")");
        });
        found.forEach((name, value) -> {
            if (!sent.containsKey(name)) out.add(name + " " + value + " (expected none)");
        });
        return out;
    }
}
