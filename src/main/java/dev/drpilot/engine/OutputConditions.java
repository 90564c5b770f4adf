package dev.drpilot.engine;

import dev.drpilot.runbook.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code verify} conditions of a step on its action's outputs (readiness checks). */
final class OutputConditions {

    private OutputConditions() {}

    /** What does not hold, in words; empty when every condition holds. */
    static List<String> failures(Step step, Map<String, Object> outputs) {
        List<String> broken = new ArrayList<>();
        step.verify().forEach((output, condition) -> {
            Object actual = outputs.get(output);
            condition.forEach((test, expected) -> {
                if (!holds(test, actual, expected)) {
                    broken.add(output + " is " + actual + ", expected " + words(test) + " " + expected);
                }
            });
        });
        return broken;
    }

    private static boolean holds(String test, Object actual, Object expected) {
        if (actual == null) return false;
        return switch (test) {
            case "equals" -> String.valueOf(actual).equals(String.valueOf(expected));
            case "atLeast" -> number(actual) >= number(expected);
            case "atMost" -> number(actual) <= number(expected);
            case "contains" -> String.valueOf(actual).contains(String.valueOf(expected));
            default -> false;
        };
    }

    private static double number(Object value) {
        if (value instanceof Number n) return n.doubleValue();
        try {
            return Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String words(String test) {
        return switch (test) {
            case "atLeast" -> "at least";
            case "atMost" -> "at most";
            default -> test;
        };
    }
}
