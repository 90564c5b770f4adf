package dev.drpilot.readiness;

import dev.drpilot.action.ActionException;
import java.util.Map;

/** Backup retention policy: "RDS Automated | 30 days". */
final class RdsRetentionCheck extends GuideCheck {

    static final int DAYS = 30;

    private final ActionRead describe;
    private final String instance;
    private final String region;

    RdsRetentionCheck(ActionRead describe, String instance, String region) {
        super("RDS Automated backups: 30 days", "at least 30 days");
        this.describe = describe;
        this.instance = instance;
        this.region = region;
    }

    @Override
    ReadinessRow measure() throws ActionException {
        Map<String, Object> db = describe.outputs("instance", instance, "region", region);
        int days = db.get("backupRetentionPeriod") instanceof Number n ? n.intValue() : 0;
        return judged(
                days >= DAYS,
                "RDS " + instance + " keeps backups " + days + " days",
                "Run druid-backup-rds-retention (aws rds modify-db-instance --db-instance-identifier " + instance
                        + " --backup-retention-period 30 --preferred-backup-window 03:00-04:00 --apply-immediately).");
    }
}
