package dev.drpilot.readiness;

import dev.drpilot.action.ActionException;
import java.time.Duration;
import java.util.Map;

/**
 * WebApp data corruption "RPO: PITR interval", with PITR kept 35 days: point-in-time recovery on,
 * and how far behind now its latest restorable time is (AWS keeps it about 5 minutes behind).
 */
final class DynamoDbPitrCheck extends GuideCheck {

    static final Duration LAG = Duration.ofMinutes(5);

    private final ActionRead backups;
    private final String table;
    private final String region;

    DynamoDbPitrCheck(ActionRead backups, String table, String region) {
        super(
                "WebApp data corruption RPO: PITR interval (DynamoDB PITR, 35 days)",
                "enabled, latest restorable < 5 min ago");
        this.backups = backups;
        this.table = table;
        this.region = region;
    }

    @Override
    ReadinessRow measure() throws ActionException {
        Map<String, Object> out = backups.outputs("table", table, "region", region);
        String fix = "Run webapp-backup-dynamodb-pitr (aws dynamodb update-continuous-backups --table-name " + table
                + " --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true).";
        if (!"ENABLED".equals(out.get("pitrStatus")))
            return judged(false, "PITR of " + table + " is " + out.get("pitrStatus"), fix);
        Duration latest = backups.ageOf(out.get("latestRestorableTime"));
        Duration earliest = backups.ageOf(out.get("earliestRestorableTime"));
        if (latest == null)
            return judged(false, "PITR of " + table + " is on but reports no latest restorable time", fix);
        return judged(
                latest.compareTo(LAG) < 0,
                "PITR of " + table + " on, latest restorable " + Ages.of(latest) + " ago"
                        + (earliest == null ? "" : ", earliest " + Ages.of(earliest) + " ago"),
                fix);
    }
}
