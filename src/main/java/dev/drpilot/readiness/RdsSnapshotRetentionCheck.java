package dev.drpilot.readiness;

import dev.drpilot.action.ActionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Backup retention policy: "RDS Manual Snapshots | 90 days": how many there are, and none older. */
final class RdsSnapshotRetentionCheck extends GuideCheck {

    static final Duration KEPT = Duration.ofDays(90);

    private final ActionRead snapshots;
    private final String instance;
    private final String region;

    RdsSnapshotRetentionCheck(ActionRead snapshots, String instance, String region) {
        super("RDS Manual Snapshots: 90 days", "none older than 90 days");
        this.snapshots = snapshots;
        this.instance = instance;
        this.region = region;
    }

    @Override
    ReadinessRow measure() throws ActionException {
        List<Map<String, Object>> all = ActionRead.list(
                snapshots.outputs("instance", instance, "snapshotType", "manual", "region", region), "snapshots");
        Duration oldest = all.stream()
                .map(s -> snapshots.ageOf(s.get("created")))
                .filter(Objects::nonNull)
                .max(Duration::compareTo)
                .orElse(null);
        String figure = all.size() + " manual snapshot(s) of " + instance
                + (oldest == null ? "" : ", oldest " + Ages.of(oldest));
        return judged(
                oldest == null || oldest.compareTo(KEPT) <= 0,
                figure,
                "Run druid-backup-rds-snapshot-cleanup, which deletes the manual snapshots older than 90 days.");
    }
}
