package dev.drpilot.readiness;

import dev.drpilot.action.ActionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Backup retention policy: "DynamoDB On-Demand | 90 days": how many backups, and none older. */
final class DynamoDbBackupRetentionCheck extends GuideCheck {

    static final Duration KEPT = Duration.ofDays(90);

    private final ActionRead backups;
    private final String table;
    private final String region;

    DynamoDbBackupRetentionCheck(ActionRead backups, String table, String region) {
        super("DynamoDB On-Demand backups: 90 days", "none older than 90 days");
        this.backups = backups;
        this.table = table;
        this.region = region;
    }

    @Override
    ReadinessRow measure() throws ActionException {
        List<Map<String, Object>> all = ActionRead.list(backups.outputs("table", table, "region", region), "backups");
        Duration oldest = all.stream()
                .map(b -> backups.ageOf(b.get("created")))
                .filter(Objects::nonNull)
                .max(Duration::compareTo)
                .orElse(null);
        return judged(
                oldest == null || oldest.compareTo(KEPT) <= 0,
                all.size() + " on-demand backup(s) of " + table + (oldest == null ? "" : ", oldest " + Ages.of(oldest)),
                "Delete the on-demand backups of " + table
                        + " older than 90 days (aws dynamodb delete-backup), or let an AWS Backup plan expire them.");
    }
}
