package dev.drpilot.readiness;

import dev.drpilot.action.ActionException;

/** The guide's automated backup setting: --preferred-backup-window "03:00-04:00". */
final class RdsBackupWindowCheck extends GuideCheck {

    static final String WINDOW = "03:00-04:00";

    private final ActionRead describe;
    private final String instance;
    private final String region;

    RdsBackupWindowCheck(ActionRead describe, String instance, String region) {
        super("RDS automated backup window: 03:00-04:00", WINDOW + " UTC");
        this.describe = describe;
        this.instance = instance;
        this.region = region;
    }

    @Override
    ReadinessRow measure() throws ActionException {
        Object window = describe.outputs("instance", instance, "region", region).get("preferredBackupWindow");
        return judged(
                WINDOW.equals(window),
                "RDS " + instance + " backs up " + (window == null ? "at no set window" : "at " + window),
                "Run druid-backup-rds-retention, which sets --preferred-backup-window 03:00-04:00 on " + instance
                        + ".");
    }
}
