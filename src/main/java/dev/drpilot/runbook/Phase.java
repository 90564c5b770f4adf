package dev.drpilot.runbook;

import java.time.Duration;

/** The four phases of the guide's recovery checklist, each with its window from declaration. */
public enum Phase {
    IMMEDIATE("immediate", "Immediate response", Duration.ZERO, Duration.ofMinutes(15)),
    RECOVERY("recovery", "Recovery", Duration.ofMinutes(15), Duration.ofHours(4)),
    VALIDATION("validation", "Validation", Duration.ofHours(4), Duration.ofHours(24)),
    POST_RECOVERY("post-recovery", "Post-recovery", Duration.ofDays(1), Duration.ofDays(7));

    private final String yamlName;
    private final String label;
    private final Duration opens;
    private final Duration closes;

    Phase(String yamlName, String label, Duration opens, Duration closes) {
        this.yamlName = yamlName;
        this.label = label;
        this.opens = opens;
        this.closes = closes;
    }

    public String yamlName() {
        return yamlName;
    }

    public String label() {
        return label;
    }

    /** When the phase's window opens, counted from the declaration of the incident. */
    public Duration opens() {
        return opens;
    }

    /** When the phase's window closes; work of this phase still open then is a breach. */
    public Duration closes() {
        return closes;
    }

    public static Phase fromYaml(String name) {
        for (Phase p : values()) if (p.yamlName.equals(name)) return p;
        throw new IllegalArgumentException(name);
    }
}
