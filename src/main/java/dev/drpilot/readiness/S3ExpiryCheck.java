package dev.drpilot.readiness;

import dev.drpilot.action.ActionException;

/**
 * A backup bucket's row of the retention policy: "Kubernetes Backups | 30 days | S3 Standard",
 * "Cognito User Exports | 90 days | S3 Standard", read as the bucket's lifecycle expiry.
 */
final class S3ExpiryCheck extends GuideCheck {

    private final ActionRead lifecycle;
    private final String bucket;
    private final String region;
    private final int days;

    private S3ExpiryCheck(String name, ActionRead lifecycle, String bucket, String region, int days) {
        super(name, "expire after " + days + " days");
        this.lifecycle = lifecycle;
        this.bucket = bucket;
        this.region = region;
        this.days = days;
    }

    static S3ExpiryCheck kubernetesBackups(ActionRead lifecycle, String bucket, String region) {
        return new S3ExpiryCheck("Kubernetes Backups: 30 days in S3 Standard", lifecycle, bucket, region, 30);
    }

    static S3ExpiryCheck cognitoExports(ActionRead lifecycle, String bucket, String region) {
        return new S3ExpiryCheck("Cognito User Exports: 90 days in S3 Standard", lifecycle, bucket, region, 90);
    }

    @Override
    ReadinessRow measure() throws ActionException {
        Object expiry = lifecycle.outputs("bucket", bucket, "region", region).get("expireAfterDays");
        return judged(
                Integer.valueOf(days).equals(expiry),
                bucket + (expiry == null ? " never expires objects" : " expires objects after " + expiry + " days"),
                "Give " + bucket + " an enabled lifecycle rule that expires objects after " + days
                        + " days (aws s3api put-bucket-lifecycle-configuration).");
    }
}
