package dev.drpilot.action;

import java.time.Instant;
import java.util.Map;

/** Reads an action's resolved arguments (already checked against its contract). */
public final class Args {

    private final Map<String, Object> values;

    public Args(Map<String, Object> values) {
        this.values = values;
    }

    public String text(String name) {
        Object value = values.get(name);
        return value == null ? null : String.valueOf(value);
    }

    public String required(String name) throws ActionException {
        String value = text(name);
        if (value == null || value.isBlank()) throw ActionException.permanent("argument '" + name + "' has no value");
        return value;
    }

    public int integer(String name) throws ActionException {
        String value = required(name);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ActionException.permanent(name + ": '" + value + "' is not a whole number");
        }
    }

    public boolean flag(String name) {
        Object value = values.get(name);
        return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
    }

    public Instant instant(String name) throws ActionException {
        Object value = values.get(name);
        if (value == null) return null;
        if (value instanceof Instant i) return i;
        try {
            return Instant.parse(String.valueOf(value));
        } catch (java.time.format.DateTimeParseException e) {
            throw ActionException.permanent(
                    name + ": '" + value + "' is not a UTC instant such as 2024-01-15T10:25:00Z");
        }
    }

    public java.time.Duration duration(String name) throws ActionException {
        Object value = values.get(name);
        if (value instanceof java.time.Duration d) return d;
        String text = required(name);
        try {
            return java.time.Duration.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ActionException.permanent(
                    name + ": '" + text + "' is not an ISO-8601 duration such as P90D or PT30M");
        }
    }

    /** A list argument's items as text; a single value counts as a list of one. */
    public java.util.List<String> list(String name) {
        Object value = values.get(name);
        if (value == null) return java.util.List.of();
        if (value instanceof java.util.Collection<?> items)
            return items.stream().map(String::valueOf).toList();
        return java.util.List.of(String.valueOf(value));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String name) {
        Object value = values.get(name);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
