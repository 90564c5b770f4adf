package dev.drpilot.readiness;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A read-only action run for a check, and its outputs read back as figures. The action brings
 * the identity check, the calls and the failures in the operator's words, as in a runbook step.
 */
final class ActionRead {

    private final Action action;
    private final ReadContext context;

    ActionRead(Action action, ReadContext context) {
        this.action = action;
        this.context = context;
    }

    /** The action's outputs for these arguments; a null argument (the default region) is left out. */
    Map<String, Object> outputs(Object... namesAndValues) throws ActionException {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        try {
            return action.execute(values, context).outputs();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ActionException.permanent(
                    "The readiness check was interrupted before " + action.id() + " answered: run it again.");
        }
    }

    Instant now() {
        return context.clock().instant();
    }

    /** How long ago an instant of an output was ("2024-01-15T10:30:00Z"), or null when there is none. */
    Duration ageOf(Object instant) {
        Instant at = instant(instant);
        return at == null ? null : Duration.between(at, now());
    }

    static Instant instant(Object text) {
        if (text == null) return null;
        try {
            return Instant.parse(text.toString());
        } catch (DateTimeParseException notATime) {
            return null;
        }
    }

    /** A list output of plain values, as text. */
    static List<String> texts(Map<String, Object> outputs, String name) {
        return ((List<?>) outputs.getOrDefault(name, List.of()))
                .stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> outputs, String name) {
        return (List<Map<String, Object>>) outputs.getOrDefault(name, List.of());
    }
}
