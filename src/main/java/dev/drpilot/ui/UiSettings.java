package dev.drpilot.ui;

import java.util.prefs.Preferences;

/**
 * The operator's settings, kept between runs: the AWS profile, region and endpoint override, the
 * kubeconfig context, where the incident log lives, and the team log's URL. Empty means "as the
 * environment says" (AWS_PROFILE, AWS_REGION, KUBECONFIG's current context, DRPILOT_LOG), and for
 * the team log, none. No secret is kept here: the team log's password comes from PGPASSWORD or a
 * pgpass file.
 */
public record UiSettings(
        String awsProfile,
        String awsRegion,
        String awsEndpoint,
        String kubeContext,
        String logLocation,
        String teamLog) {

    public UiSettings {
        awsProfile = blankToEmpty(awsProfile);
        awsRegion = blankToEmpty(awsRegion);
        awsEndpoint = blankToEmpty(awsEndpoint);
        kubeContext = blankToEmpty(kubeContext);
        logLocation = blankToEmpty(logLocation);
        teamLog = blankToEmpty(teamLog);
    }

    static UiSettings load(Preferences node) {
        return new UiSettings(
                node.get("awsProfile", ""),
                node.get("awsRegion", ""),
                node.get("awsEndpoint", ""),
                node.get("kubeContext", ""),
                node.get("logLocation", ""),
                node.get("teamLog", ""));
    }

    void save(Preferences node) {
        node.put("awsProfile", awsProfile);
        node.put("awsRegion", awsRegion);
        node.put("awsEndpoint", awsEndpoint);
        node.put("kubeContext", kubeContext);
        node.put("logLocation", logLocation);
        node.put("teamLog", teamLog);
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
