package dev.drpilot.readiness;

/** How a measured figure stands against its guide target. */
public enum Verdict {
    /** The figure meets the target. */
    MET,
    /** The figure misses the target: the row says what to fix. */
    BREACHED,
    /** The figure could not be read (access denied, a missing resource, no network): the row says why. */
    UNKNOWN;

    /** As the table and the JSON say it. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
