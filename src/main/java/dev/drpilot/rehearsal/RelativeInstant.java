package dev.drpilot.rehearsal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code start-PT15M} and {@code start+PT5M}: instants in an exercise, placed against the rehearsal's start. */
final class RelativeInstant {

    private static final Pattern FORM = Pattern.compile("start(?:([+-])(P\\S+))?");

    private RelativeInstant() {}

    static boolean looksRelative(String value) {
        return value.startsWith("start");
    }

    /** The value with a relative instant replaced by the ISO instant; other values unchanged. */
    static String resolve(String value, Instant start) {
        if (!looksRelative(value)) return value;
        Matcher m = FORM.matcher(value);
        if (!m.matches()) throw new IllegalArgumentException(problem(value));
        if (m.group(1) == null) return start.toString();
        Duration offset;
        try {
            offset = Duration.parse(m.group(2));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(problem(value), e);
        }
        return (m.group(1).equals("-") ? start.minus(offset) : start.plus(offset)).toString();
    }

    static String problem(String value) {
        return "'" + value + "' is not a time relative to the start: write start, start-PT15M or start+PT5M";
    }
}
