package dev.drpilot.runbook;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
public record Param(
        String name,
        ParamType type,
        String label,
        String defaultValue,
        String hint,
        boolean required,
        List<String> values,
        Long min,
        Long max,
        String pattern,
        SourcePosition position) {

    /** Longer than any name, id, time or URL a runbook takes: a pasted log file is refused. */
    public static final int MAX_LENGTH = 4096;

    private static final Duration SKEW = Duration.ofMinutes(1);

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
        if (value.length() > MAX_LENGTH) {
            return name + ": at most " + MAX_LENGTH + " characters (this value has " + value.length() + ")";
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

    /**
     * The same checks, and a time must have passed by {@code now} (give or take a minute of clock
     * skew): a restore point or a first error cannot lie in the future.
     */
    public String check(String value, Instant now) {
        String problem = check(value);
        if (problem != null || type != ParamType.INSTANT || value == null || value.isBlank()) return problem;
        Instant at = Instant.parse(value.trim());
        return at.isAfter(now.plus(SKEW))
                ? name + ": " + at + " is in the future (now is " + now.truncatedTo(ChronoUnit.SECONDS)
                        + "); give a moment that has passed, in UTC"
                : null;
    }
}
