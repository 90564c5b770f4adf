package dev.drpilot.readiness;

import dev.drpilot.action.ActionException;
import java.time.Duration;
import java.util.Map;

/** Scenario 3, RDS corruption: "RPO < 5 minutes (PITR granularity)", read as the age of the latest restorable time. */
final class RdsLatestRestorableCheck extends GuideCheck {

    static final Duration TARGET = Duration.ofMinutes(5);

    private final ActionRead describe;
    private final String instance;
    private final String region;

    RdsLatestRestorableCheck(ActionRead describe, String instance, String region) {
        super("Druid RDS corruption RPO: < 5 minutes (PITR granularity)", "< 5 min");
        this.describe = describe;
        this.instance = instance;
        this.region = region;
    }

    @Override
    ReadinessRow measure() throws ActionException {
        Map<String, Object> db = describe.outputs("instance", instance, "region", region);
        Duration age = describe.ageOf(db.get("latestRestorableTime"));
        String fix =
                "Point-in-time restore needs automated backups: check " + instance + " is available with backups on "
                        + "(runbook druid-backup-rds-retention) and see why its druid-rds-backup-failed alarm did not fire.";
        if (age == null) return judged(false, "RDS " + instance + " has no latest restorable time", fix);
        return judged(
                age.compareTo(TARGET) < 0, "RDS " + instance + " latest restorable time " + Ages.of(age) + " ago", fix);
    }
}
