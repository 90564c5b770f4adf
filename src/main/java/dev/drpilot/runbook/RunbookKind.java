package dev.drpilot.runbook;

/** What a runbook is for. */
public enum RunbookKind {
    RECOVERY,
    BACKUP,
    DRILL,
    READINESS,
    CHECKLIST;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static RunbookKind fromYaml(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
