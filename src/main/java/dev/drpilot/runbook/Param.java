package dev.drpilot.runbook;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A typed parameter of a runbook, or a value the operator records in a manual step.
 *
 * @param values the allowed values of an enum
 * @param min    the lower bound of an integer, or null
 * @param max    the upper bound of an integer, or null
 * @param pattern a regular expression a string must match, or null
 */
public record Param(String name, ParamType type, String label, String defaultValue, String hint,
                    boolean required, List<String> values, Long min, Long max, String pattern,
                    SourcePosition position) {

    public Param {
        values = List.copyOf(values);
    }

    /** Secrets are never written to the log, the screen or an export. */
    public boolean sensitive() {
        return type == ParamType.SECRET;
    }

    /** Null when the value is acceptable, else a sentence that says what to enter instead. */
    public String check(String value) {
        if (value == null || value.isBlank()) {
            return required ? name + " is required" + (hint == null ? "" : " (" + hint + ")") : null;
        }
        String formProblem = type.checkForm(value);
        if (formProblem != null) return name + ": " + formProblem;
        if (type == ParamType.ENUM && !values.contains(value)) {
            return name + ": '" + value + "' is not one of " + String.join(", ", values);
        }
        if (type == ParamType.INTEGER) {
            long n = Long.parseLong(value.trim());
            if (min != null && n < min) return name + ": " + n + " is below the minimum " + min;
            if (max != null && n > max) return name + ": " + n + " is above the maximum " + max;
        }
        if (pattern != null && !Pattern.compile(pattern).matcher(value).matches()) {
            return name + ": " + (sensitive() ? "the secret" : "'" + value + "'") + " does not match " + pattern;
        }
        return null;
    }
}
