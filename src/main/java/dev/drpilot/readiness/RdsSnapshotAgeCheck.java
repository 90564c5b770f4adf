package dev.drpilot.readiness;

import dev.drpilot.action.ActionException;
import java.time.Duration;
import java.util.Map;

/**
 * Data corruption "RPO: snapshot interval": the age of the newest available manual snapshot of
 * the instance, in the primary region or (Scenario 5's prerequisite) its copy in the DR region.
 */
final class RdsSnapshotAgeCheck extends GuideCheck {

    private final ActionRead snapshots;
    private final String instance;
    private final String region;
    private final Duration every;
    private final String fix;

    private RdsSnapshotAgeCheck(
            String name, ActionRead snapshots, String instance, String region, Duration every, String fix) {
        super(name, "< " + Ages.of(every) + " old");
        this.snapshots = snapshots;
        this.instance = instance;
        this.region = region;
        this.every = every;
        this.fix = fix;
    }

    static RdsSnapshotAgeCheck primary(ActionRead snapshots, String instance, String region, Duration every) {
        return new RdsSnapshotAgeCheck(
                "Druid data corruption RPO: snapshot interval (newest manual RDS snapshot)",
                snapshots,
                instance,
                region,
                every,
                "Take one with druid-backup-rds-snapshot (aws rds create-db-snapshot --db-instance-identifier "
                        + instance + " --db-snapshot-identifier " + instance + "-manual-$(date +%Y%m%d)).");
    }

    static RdsSnapshotAgeCheck drCopy(ActionRead snapshots, String instance, String drRegion, Duration every) {
        return new RdsSnapshotAgeCheck(
                "Druid region failure prerequisite: RDS snapshot copied to the DR region (" + drRegion + ")",
                snapshots,
                instance,
                drRegion,
                every,
                "Copy the newest snapshot with druid-backup-rds-copy-to-dr (aws rds copy-db-snapshot ... "
                        + "--target-db-snapshot-identifier " + instance + "-dr-$(date +%Y%m%d) --region " + drRegion
                        + ").");
    }

    @Override
    ReadinessRow measure() throws ActionException {
        Map<String, Object> out = snapshots.outputs("instance", instance, "snapshotType", "manual", "region", region);
        Object newest = out.get("latestSnapshot");
        Map<String, Object> found = ActionRead.list(out, "snapshots").stream()
                .filter(s -> s.get("id").equals(newest))
                .findFirst()
                .orElse(null);
        Duration age = found == null ? null : snapshots.ageOf(found.get("created"));
        String where = region == null ? "" : " in " + region;
        if (age == null) return judged(false, "no available manual snapshot of " + instance + where, fix);
        return judged(age.compareTo(every) < 0, "newest " + newest + where + ", " + Ages.of(age) + " old", fix);
    }
}
