package dev.drpilot.readiness;

import dev.drpilot.action.ActionException;
import java.util.Map;

/** Backup retention policy: "S3 Segments (> 30 days) | Standard-IA" and "(> 90 days) | Glacier IR". */
final class S3LifecycleCheck extends GuideCheck {

    static final int IA_DAYS = 30;
    static final int GLACIER_DAYS = 90;

    private final ActionRead lifecycle;
    private final String bucket;
    private final String region;

    S3LifecycleCheck(ActionRead lifecycle, String bucket, String region) {
        super("S3 Segments: Standard-IA after 30 days, Glacier IR after 90", "IA at 30 days, Glacier at 90 days");
        this.lifecycle = lifecycle;
        this.bucket = bucket;
        this.region = region;
    }

    @Override
    ReadinessRow measure() throws ActionException {
        Map<String, Object> out = lifecycle.outputs("bucket", bucket, "region", region);
        Object ia = out.get("iaAfterDays");
        Object glacier = out.get("glacierAfterDays");
        String figure = ia == null && glacier == null
                ? bucket + " has no enabled transition"
                : bucket + ": IA " + days(ia) + ", Glacier " + days(glacier);
        return judged(
                Integer.valueOf(IA_DAYS).equals(ia)
                        && Integer.valueOf(GLACIER_DAYS).equals(glacier),
                figure,
                "Run druid-backup-s3-lifecycle (Standard to Standard-IA at 30 days, to Glacier Instant Retrieval at 90).");
    }

    private static String days(Object days) {
        return days == null ? "never" : "at " + days + " days";
    }
}
