package dev.drpilot.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@code ${...}} reference in a runbook value: a parameter ({@code ${dbInstance}}), an output of
 * an earlier step ({@code ${steps.wait.endpoint}}) or a built-in ({@code ${today}}).
 *
 * @param text   the whole reference as written, with {@code ${ }}
 * @param name   the parameter or built-in name; the output name for a step reference
 * @param stepId the referenced step, or null
 */
public record Reference(String text, String expression, String name, String stepId) {

    /** Values the engine knows without a parameter. */
    public static final Set<String> BUILT_INS = Set.of("today", "now", "incident.id");

    public boolean isStepOutput() {
        return stepId != null;
    }

    public boolean isBuiltIn() {
        return stepId == null && BUILT_INS.contains(name);
    }

    /** The references in a text; a malformed one throws with what is wrong. */
    public static List<Reference> in(String text) {
        List<Reference> found = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = text.indexOf("${", from);
            if (open < 0) return found;
            int close = text.indexOf('}', open);
            if (close < 0)
                throw new IllegalArgumentException("'${' at character " + (open + 1) + " is never closed with '}'");
            found.add(parse(text.substring(open, close + 1)));
            from = close + 1;
        }
    }

    /** Whether a value is exactly one reference, which then keeps the referenced value's type. */
    public static boolean isWhole(String text) {
        return text.startsWith("${") && text.indexOf('}') == text.length() - 1;
    }

    private static Reference parse(String whole) {
        String expression = whole.substring(2, whole.length() - 1).trim();
        if (expression.isEmpty()) throw new IllegalArgumentException("empty reference '" + whole + "'");
        if (expression.startsWith("steps.")) {
            String[] parts = expression.split("\\.", -1);
            if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
                throw new IllegalArgumentException("'" + whole + "' should be ${steps.STEP_ID.OUTPUT}");
            }
            return new Reference(whole, expression, parts[2], parts[1]);
        }
        if (!expression.matches("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z]+)?")) {
            throw new IllegalArgumentException("'" + whole
                    + "' is not a reference: use ${param}, ${steps.STEP_ID.OUTPUT} or one of "
                    + String.join(
                            ", ",
                            BUILT_INS.stream().sorted().map(b -> "${" + b + "}").toList()));
        }
        return new Reference(whole, expression, expression, null);
    }
}
