package dev.drpilot.action;

import java.util.List;
import java.util.Map;

/**
 * The kinds of value an action argument takes. A {@code FILE} is a file of the incident's own: a
 * bare name (deleted-items.json) is put in the incident's folder beside the log.
 */
public enum ArgType {
    STRING,
    INTEGER,
    BOOLEAN,
    INSTANT,
    DURATION,
    REGION,
    LIST,
    MAP,
    FILE;

    /** Whether a literal value from a runbook has this type's shape (strings are checked later, once resolved). */
    public boolean accepts(Object literal) {
        return switch (this) {
            case INTEGER -> literal instanceof Long || literal instanceof String;
            case BOOLEAN -> literal instanceof Boolean || literal instanceof String;
            case LIST -> literal instanceof List<?> || literal instanceof String;
            case MAP -> literal instanceof Map<?, ?> || literal instanceof String;
            default -> !(literal instanceof List<?>) && !(literal instanceof Map<?, ?>);
        };
    }

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
