package dev.drpilot.runbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Replaces {@code ${...}} references in step values. A value that is exactly one reference takes
 * the referenced value as it is (a list stays a list); references inside text are replaced by
 * their text.
 */
public final class Interpolation {

    private final Function<Reference, Optional<Object>> lookup;
    private final Function<Reference, Object> unresolved;

    /**
     * @param lookup     the value of a reference, when known
     * @param unresolved what to put for a reference with no value (a placeholder in a preview; the
     *                   engine throws instead, or gives null for an optional parameter left empty)
     */
    public Interpolation(Function<Reference, Optional<Object>> lookup, Function<Reference, Object> unresolved) {
        this.lookup = lookup;
        this.unresolved = unresolved;
    }

    /** A preview that leaves unknown values as {@code <name>}, the guide's own placeholder style. */
    public static Interpolation preview(Function<Reference, Optional<Object>> lookup) {
        return new Interpolation(
                lookup, ref -> "<" + (ref.isStepOutput() ? ref.stepId() + "." : "") + ref.name() + ">");
    }

    /**
     * A step's argument with the parameters' values put in, before anything runs; empty when it is
     * not text, refers to anything but a parameter (a step's output, a built-in), names a
     * parameter without a value, or comes out blank.
     */
    public static Optional<String> withParameters(Object argument, Map<String, String> params) {
        if (!(argument instanceof String text)) return Optional.empty();
        boolean[] unknown = {false};
        Object resolved = new Interpolation(
                        ref -> ref.isStepOutput() || ref.isBuiltIn()
                                ? Optional.empty()
                                : Optional.ofNullable(params.get(ref.name())),
                        ref -> {
                            unknown[0] = true;
                            return "";
                        })
                .resolve(text);
        return unknown[0] || resolved == null
                ? Optional.empty()
                : Optional.of(String.valueOf(resolved)).filter(s -> !s.isBlank());
    }

    /** Resolves every value; an entry whose value resolves to nothing (an optional parameter not given) is left out. */
    public Map<String, Object> resolveAll(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            Object resolved = resolve(v);
            if (resolved != null) out.put(k, resolved);
        });
        return out;
    }

    public Object resolve(Object value) {
        if (value instanceof String text) return resolveText(text);
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), resolve(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(resolve(v)));
            return out;
        }
        return value;
    }

    private Object resolveText(String text) {
        List<Reference> references = Reference.in(text);
        if (references.isEmpty()) return text;
        if (Reference.isWhole(text)) return valueOf(references.get(0));
        String out = text;
        for (Reference ref : references) {
            Object value = valueOf(ref);
            out = out.replace(ref.text(), value == null ? "" : String.valueOf(value));
        }
        return out;
    }

    private Object valueOf(Reference ref) {
        return lookup.apply(ref).orElseGet(() -> unresolved.apply(ref));
    }
}
