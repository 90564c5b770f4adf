package dev.drpilot.engine;

import dev.drpilot.runbook.Param;
import dev.drpilot.runbook.ParamType;
import dev.drpilot.runbook.Runbook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A runbook's parameters, resolved and checked before the first call is made: a wrong value is
 * refused here and never reaches AWS.
 */
public final class ParameterValues {

    private final Map<String, Object> typed;
    private final Map<String, String> texts;
    private final Set<String> secrets;

    private ParameterValues(Map<String, Object> typed, Map<String, String> texts, Set<String> secrets) {
        this.typed = Collections.unmodifiableMap(typed);
        this.texts = Collections.unmodifiableMap(texts);
        this.secrets = Set.copyOf(secrets);
    }

    /** Applies defaults and checks every value; all problems are reported together. */
    public static ParameterValues resolve(Runbook runbook, Map<String, String> given)
            throws InvalidParametersException {
        return resolve(runbook, given, true, Instant.now());
    }

    /** The same, with times checked against the incident's own clock (a rehearsal's runs ahead). */
    public static ParameterValues resolve(Runbook runbook, Map<String, String> given, Instant now)
            throws InvalidParametersException {
        return resolve(runbook, given, true, now);
    }

    /** For a preview (dry run): the values given must be right, but missing ones are allowed. */
    public static ParameterValues forPreview(Runbook runbook, Map<String, String> given)
            throws InvalidParametersException {
        return resolve(runbook, given, false, Instant.now());
    }

    private static ParameterValues resolve(Runbook runbook, Map<String, String> given, boolean requireAll, Instant now)
            throws InvalidParametersException {
        List<String> problems = new ArrayList<>();
        for (String name : given.keySet()) {
            if (runbook.param(name).isEmpty()) {
                problems.add("runbook " + runbook.id() + " has no parameter '" + name + "'"
                        + (runbook.params().isEmpty()
                                ? ""
                                : "; it takes: "
                                        + runbook.params().stream()
                                                .map(Param::name)
                                                .collect(Collectors.joining(", "))));
            }
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        Set<String> secrets = new java.util.HashSet<>();
        for (Param param : runbook.params()) {
            String value = given.containsKey(param.name()) ? given.get(param.name()) : param.defaultValue();
            if (!requireAll && (value == null || value.isBlank())) continue;
            String problem = param.check(value, now);
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            if (value == null || value.isBlank()) continue;
            texts.put(param.name(), value);
            typed.put(param.name(), typedValue(param.type(), value.trim()));
            if (param.sensitive()) secrets.add(value);
        }
        if (!problems.isEmpty()) throw new InvalidParametersException(problems);
        return new ParameterValues(typed, texts, secrets);
    }

    private static Object typedValue(ParamType type, String value) {
        return switch (type) {
            case INTEGER -> Long.parseLong(value);
            case BOOLEAN -> Boolean.parseBoolean(value);
            case INSTANT -> Instant.parse(value);
            case DURATION -> Duration.parse(value);
            default -> value;
        };
    }

    /** Values by name, typed: Long, Boolean, Instant, Duration or String. */
    public Map<String, Object> typed() {
        return typed;
    }

    /** Values by name as given (for the log; secrets included, so redact before writing). */
    public Map<String, String> texts() {
        return texts;
    }

    /** The values of secret parameters, which the log redacts wherever they appear. */
    public Set<String> secrets() {
        return secrets;
    }
}
