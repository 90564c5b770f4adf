package dev.drpilot.readiness;

import dev.drpilot.action.ActionException;

/** Backup retention policy: "S3 Segments (current) | Indefinite", which versioning makes true of deleted and overwritten segments. */
final class S3VersioningCheck extends GuideCheck {

    private final ActionRead versioning;
    private final String bucket;
    private final String region;

    S3VersioningCheck(ActionRead versioning, String bucket, String region) {
        super("S3 Segments (current): indefinite (versioning on)", "Enabled");
        this.versioning = versioning;
        this.bucket = bucket;
        this.region = region;
    }

    @Override
    ReadinessRow measure() throws ActionException {
        String status = String.valueOf(
                versioning.outputs("bucket", bucket, "region", region).get("status"));
        return judged(
                "Enabled".equals(status),
                "versioning of " + bucket + ": " + (status.isEmpty() ? "never enabled" : status),
                "Run druid-backup-s3-versioning (aws s3api put-bucket-versioning --bucket " + bucket
                        + " --versioning-configuration Status=Enabled).");
    }
}
