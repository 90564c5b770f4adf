package dev.drpilot.readiness;

import dev.drpilot.action.ActionException;
import java.time.Duration;
import java.util.Map;

/**
 * A backup the guide writes every day under a date-stamped name ("druid-backup-$(date +%Y%m%d).yaml"
 * to s3://fff-druid-backups/kubernetes/, "cognito-users-$(date +%Y%m%d).json" to
 * s3://fff-webapp-backups/cognito/; their runbooks' RPO is 24 h): how old the newest one is.
 */
final class NewestBackupAgeCheck extends GuideCheck {

    /** The guide's schedule for both: one a day (date-stamped names, the runbooks' RPO of PT24H). */
    static final Duration DAILY = Duration.ofDays(1);

    private final ActionRead newest;
    private final String bucket;
    private final String prefix;
    private final String region;
    private final String runbook;

    private NewestBackupAgeCheck(
            String name, ActionRead newest, String bucket, String prefix, String region, String runbook) {
        super(name, "newest < 1 day old");
        this.newest = newest;
        this.bucket = bucket;
        this.prefix = prefix;
        this.region = region;
        this.runbook = runbook;
    }

    static NewestBackupAgeCheck kubernetesBackup(ActionRead newest, String bucket, String region) {
        return new NewestBackupAgeCheck(
                "EKS configuration backup: daily to S3 (newest resource export)",
                newest,
                bucket,
                "kubernetes/",
                region,
                "druid-backup-eks-export");
    }

    static NewestBackupAgeCheck cognitoExport(ActionRead newest, String bucket, String region) {
        return new NewestBackupAgeCheck(
                "Cognito user export: daily to S3 (newest export)",
                newest,
                bucket,
                "cognito/",
                region,
                "webapp-backup-cognito-export");
    }

    @Override
    ReadinessRow measure() throws ActionException {
        Map<String, Object> out = newest.outputs("bucket", bucket, "prefix", prefix, "region", region);
        String where = "s3://" + bucket + "/" + prefix;
        String fix = "Run " + runbook + ", and schedule it daily so a backup under " + where + " is never a day old.";
        Duration age = newest.ageOf(out.get("newestLastModified"));
        if (age == null) return judged(false, "no backup under " + where, fix);
        return judged(age.compareTo(DAILY) < 0, "newest " + out.get("newestKey") + ", " + Ages.of(age) + " old", fix);
    }
}
