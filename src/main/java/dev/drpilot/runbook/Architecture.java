package dev.drpilot.runbook;

/** The architectures of the DR guide. */
public enum Architecture {
    DRUID("druid", "Druid"),
    WEBAPP("webapp", "WebApp"),
    /** Procedures that span both, such as the drills and the recovery checklist. */
    BOTH("both", "Druid + WebApp");

    private final String yamlName;
    private final String label;

    Architecture(String yamlName, String label) {
        this.yamlName = yamlName;
        this.label = label;
    }

    public String yamlName() {
        return yamlName;
    }

    public String label() {
        return label;
    }

    public static Architecture fromYaml(String name) {
        for (Architecture a : values()) if (a.yamlName.equals(name)) return a;
        throw new IllegalArgumentException(name);
    }
}
