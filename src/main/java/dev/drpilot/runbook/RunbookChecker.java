package dev.drpilot.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.ActionContract;
import dev.drpilot.action.ArgSpec;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The checks a JSON Schema cannot make: action ids and their arguments, references between
 * steps, durations, defaults, confirmations. Works on the raw tree, tolerating the shape errors
 * the schema reports, so that one run reports every problem of a file.
 */
final class RunbookChecker {

    private final ActionCatalog catalog;

    RunbookChecker(ActionCatalog catalog) {
        this.catalog = catalog;
    }

    /** Calls {@code report(pointer, message)} for every problem found. */
    void check(JsonNode root, String fileStem, BiConsumer<String, String> report) {
        String id = root.path("id").asText("");
        if (!id.isEmpty() && !id.equals(fileStem)) {
            report.accept(
                    "/id",
                    "id '" + id + "' differs from the file name '" + fileStem + ".yaml': rename one so they match");
        }
        checkTargets(root.path("targets"), report);
        Set<String> params = checkParams(root.path("params"), "/params", report);
        checkSteps(root.path("steps"), params, report);
    }

    private static void checkTargets(JsonNode targets, BiConsumer<String, String> report) {
        for (String name : List.of("rto", "rpo")) {
            JsonNode target = targets.path(name);
            if (!target.isTextual()) continue;
            try {
                TimeTarget.parse(target.asText());
            } catch (IllegalArgumentException e) {
                report.accept("/targets/" + name, name + ": " + e.getMessage());
            }
        }
    }

    /** Checks parameter (or recorded value) declarations and returns their names. */
    private static Set<String> checkParams(JsonNode params, String pointer, BiConsumer<String, String> report) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < params.size(); i++) {
            JsonNode param = params.get(i);
            String at = pointer + "/" + i;
            String name = param.path("name").asText("");
            if (!name.isEmpty() && !names.add(name)) {
                report.accept(at + "/name", "'" + name + "' is declared twice; give each a different name");
            }
            ParamType type;
            try {
                type = ParamType.fromYaml(param.path("type").asText(""));
            } catch (IllegalArgumentException e) {
                continue; // the schema names the allowed types
            }
            if (type == ParamType.ENUM && !param.has("values")) {
                report.accept(at, name + ": an enum needs its choices in 'values'");
            }
            if (type != ParamType.ENUM && param.has("values")) {
                report.accept(at + "/values", name + ": 'values' is only for type enum");
            }
            if (type != ParamType.INTEGER && (param.has("min") || param.has("max"))) {
                report.accept(
                        at + "/" + (param.has("min") ? "min" : "max"),
                        name + ": 'min' and 'max' are only for type integer");
            }
            if (param.path("pattern").isTextual()) {
                try {
                    Pattern.compile(param.path("pattern").asText());
                } catch (PatternSyntaxException e) {
                    report.accept(
                            at + "/pattern",
                            name + ": the pattern is not a valid regular expression: " + e.getDescription());
                }
            }
            JsonNode defaultValue = param.path("default");
            boolean choicesMissing = type == ParamType.ENUM && !param.has("values");
            if (!defaultValue.isMissingNode() && defaultValue.isValueNode() && !choicesMissing) {
                Param declared = RunbookBinder.param(param, SourcePosition.START);
                String problem = declared.check(defaultValue.asText());
                if (problem != null) report.accept(at + "/default", "default of " + problem);
            }
        }
        return names;
    }

    private void checkSteps(JsonNode steps, Set<String> params, BiConsumer<String, String> report) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            String id = steps.get(i).path("id").asText("");
            if (id.isEmpty()) continue;
            if (index.containsKey(id)) {
                report.accept(
                        "/steps/" + i + "/id",
                        "step id '" + id + "' is already used by step " + (index.get(id) + 1)
                                + "; step ids must be unique");
            } else {
                index.put(id, i);
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            checkStep(steps, i, index, params, report);
        }
        checkRecoveryStep(steps, report);
    }

    /**
     * One step at most says the service is back, and it is a check DR Pilot makes: the RTO is
     * measured where a runbook's own check succeeds, never where a box is ticked.
     */
    private static void checkRecoveryStep(JsonNode steps, BiConsumer<String, String> report) {
        String first = null;
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            if (!step.path("recovers").asBoolean(false)) continue;
            String id = step.path("id").asText("step " + (i + 1));
            if (step.has("manual")) {
                report.accept(
                        "/steps/" + i + "/recovers",
                        "step '" + id + "' is manual: 'recovers' marks a check DR Pilot makes (a health"
                                + " check, a count, a read), so the RTO is measured, not ticked. Mark an action step, or let the operator say the"
                                + " service is back (Recovered, drpilot resolve)");
            } else if (first != null) {
                report.accept(
                        "/steps/" + i + "/recovers",
                        "step '" + id + "' and step '" + first + "' both say the service is back;"
                                + " keep 'recovers: true' on the one whose success proves it");
            } else {
                first = id;
            }
        }
    }

    private void checkStep(
            JsonNode steps, int i, Map<String, Integer> index, Set<String> params, BiConsumer<String, String> report) {
        JsonNode step = steps.get(i);
        String at = "/steps/" + i;
        String id = step.path("id").asText("step " + (i + 1));
        boolean hasAction = step.has("action");
        boolean hasManual = step.has("manual");
        if (hasAction && hasManual) {
            report.accept(
                    at + "/manual",
                    "step '" + id + "' has both 'action' and 'manual': a step is one or the other; split it in two");
        } else if (!hasAction && !hasManual) {
            report.accept(
                    at,
                    "step '" + id
                            + "' has neither 'action' nor 'manual': name an action from docs/actions.md, or write manual instructions");
        }

        ActionContract contract = null;
        if (hasAction && step.path("action").isTextual()) {
            String actionId = step.path("action").asText();
            contract = catalog.find(actionId).orElse(null);
            if (contract == null) {
                List<String> closest = catalog.closest(actionId, 3);
                report.accept(
                        at + "/action",
                        "unknown action '" + actionId + "'"
                                + (closest.isEmpty()
                                        ? "; see docs/actions.md for the catalogue"
                                        : "; did you mean " + String.join(", ", closest) + "?"));
            } else {
                checkArguments(step.path("with"), contract, at + "/with", id, report);
                checkVerify(step.path("verify"), contract, at + "/verify", report);
            }
        }
        if (!hasAction && step.has("with")) {
            report.accept(at + "/with", "step '" + id + "' has arguments ('with') but no action");
        }
        if (hasAction && step.has("records")) {
            report.accept(
                    at + "/records", "'records' is for manual steps; an action step's outputs come from its action");
        }
        if (!hasAction && step.has("verify")) {
            report.accept(at + "/verify", "'verify' checks an action's outputs; a manual step has none");
        }
        checkParams(step.path("records"), at + "/records", report);

        Duration expect = duration(step, "expect", at, report);
        Duration timeout = duration(step, "timeout", at, report);
        if (expect != null && timeout != null && expect.compareTo(timeout) > 0) {
            report.accept(
                    at + "/timeout",
                    "timeout " + timeout + " is shorter than the typical duration (expect) " + expect
                            + "; the step would fail before it usually ends");
        }

        boolean actionDestructive = contract != null && contract.destructive();
        JsonNode flag = step.path("destructive");
        if (actionDestructive && flag.isBoolean() && !flag.asBoolean()) {
            report.accept(
                    at + "/destructive",
                    "action " + contract.id()
                            + " is destructive; a step cannot mark it otherwise. Remove 'destructive: false'");
        }
        boolean destructive = actionDestructive || flag.asBoolean(false);
        if (destructive && !step.path("confirm").isTextual()) {
            report.accept(
                    hasAction ? at + "/action" : at,
                    "step '" + id + "' is destructive and needs 'confirm': the name the operator"
                            + " types to go ahead (usually the resource it changes)");
        }
        if (!destructive && step.has("confirm")) {
            report.accept(
                    at + "/confirm",
                    "'confirm' is only for destructive steps; add 'destructive: true' or remove 'confirm'");
        }
        if (!destructive && step.has("approval")) {
            report.accept(
                    at + "/approval",
                    "'approval' is for destructive steps: a second person approves what cannot simply be undone;"
                            + " add 'destructive: true' or remove 'approval'");
        }

        checkReferences(steps, i, index, params, report);
    }

    private static void checkArguments(
            JsonNode with, ActionContract contract, String at, String stepId, BiConsumer<String, String> report) {
        if (!with.isMissingNode() && !with.isObject()) return; // the schema says so
        with.properties().forEach(entry -> {
            ArgSpec spec = contract.arg(entry.getKey()).orElse(null);
            if (spec == null) {
                List<String> names = contract.args().stream().map(ArgSpec::name).toList();
                report.accept(
                        at + "/" + LocatedYaml.escape(entry.getKey()),
                        "action " + contract.id() + " takes no argument '" + entry.getKey() + "'; it takes: "
                                + String.join(", ", names));
            } else if (!spec.type().accepts(RunbookBinder.plain(entry.getValue()))) {
                report.accept(
                        at + "/" + LocatedYaml.escape(entry.getKey()),
                        entry.getKey() + ": expected " + spec.type().yamlName() + " for action " + contract.id());
            } else if (entry.getValue().isTextual()
                    && !entry.getValue().asText().contains("${")) {
                String problem = literalProblem(spec, entry.getValue().asText());
                if (problem != null)
                    report.accept(at + "/" + LocatedYaml.escape(entry.getKey()), entry.getKey() + ": " + problem);
            }
        });
        for (ArgSpec spec : contract.args()) {
            if (spec.required() && !with.has(spec.name())) {
                report.accept(
                        with.isMissingNode() ? at.substring(0, at.lastIndexOf('/')) + "/action" : at,
                        "step '" + stepId + "': action " + contract.id() + " needs argument '" + spec.name() + "' ("
                                + spec.description() + ")");
            }
        }
    }

    private static String literalProblem(ArgSpec spec, String value) {
        return switch (spec.type()) {
            case INSTANT -> ParamType.INSTANT.checkForm(value);
            case DURATION -> ParamType.DURATION.checkForm(value);
            case INTEGER -> ParamType.INTEGER.checkForm(value);
            case BOOLEAN -> ParamType.BOOLEAN.checkForm(value);
            case REGION -> ParamType.AWS_REGION.checkForm(value);
            default -> null;
        };
    }

    private static void checkVerify(
            JsonNode verify, ActionContract contract, String at, BiConsumer<String, String> report) {
        verify.fieldNames().forEachRemaining(output -> {
            if (!contract.hasOutput(output)) {
                report.accept(
                        at + "/" + LocatedYaml.escape(output),
                        "action " + contract.id() + " has no output '" + output + "' to verify; it returns: "
                                + String.join(
                                        ", ",
                                        contract.outputs().stream()
                                                .map(o -> o.name())
                                                .toList()));
            }
        });
    }

    private static Duration duration(JsonNode step, String field, String at, BiConsumer<String, String> report) {
        JsonNode value = step.path(field);
        if (!value.isTextual()) return null;
        try {
            Duration d = Duration.parse(value.asText());
            if (d.isNegative() || d.isZero()) {
                report.accept(at + "/" + field, field + ": " + value.asText() + " must be longer than zero");
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            report.accept(
                    at + "/" + field,
                    field + ": '" + value.asText()
                            + "' is not an ISO-8601 duration; write PT20M for 20 minutes, PT1H30M, PT45S");
            return null;
        }
    }

    private void checkReferences(
            JsonNode steps, int i, Map<String, Integer> index, Set<String> params, BiConsumer<String, String> report) {
        JsonNode step = steps.get(i);
        String stepId = step.path("id").asText();
        List<Map.Entry<String, String>> texts = new ArrayList<>();
        collectTexts(step.path("with"), "/steps/" + i + "/with", texts);
        collectTexts(step.path("confirm"), "/steps/" + i + "/confirm", texts);
        collectTexts(step.path("manual"), "/steps/" + i + "/manual", texts);
        for (Map.Entry<String, String> text : texts) {
            List<Reference> references;
            try {
                references = Reference.in(text.getValue());
            } catch (IllegalArgumentException e) {
                report.accept(text.getKey(), e.getMessage());
                continue;
            }
            for (Reference ref : references) {
                String problem = referenceProblem(ref, steps, i, stepId, index, params);
                if (problem != null) report.accept(text.getKey(), problem);
            }
        }
    }

    private String referenceProblem(
            Reference ref, JsonNode steps, int i, String stepId, Map<String, Integer> index, Set<String> params) {
        if (!ref.isStepOutput()) {
            if (ref.isBuiltIn() || params.contains(ref.name())) return null;
            return ref.text() + " names no parameter; declare '" + ref.name() + "' under params"
                    + (params.isEmpty()
                            ? ""
                            : " or use one of: "
                                    + String.join(", ", params.stream().sorted().toList()));
        }
        Integer target = index.get(ref.stepId());
        if (target == null) return ref.text() + ": there is no step '" + ref.stepId() + "'";
        if (target == i) return ref.text() + ": step '" + stepId + "' cannot use its own output";
        if (target > i) {
            if (references(steps.get(target), stepId)) {
                return ref.text() + ": steps '" + stepId + "' and '" + ref.stepId()
                        + "' reference each other (a cycle); one of them must come first without the other's output";
            }
            return ref.text() + ": step '" + ref.stepId() + "' comes later (step " + (target + 1)
                    + "); a step can only use outputs of steps before it: move it up";
        }
        JsonNode source = steps.get(target);
        Set<String> outputs = outputsOf(source);
        if (outputs != null && !outputs.contains(ref.name())) {
            return ref.text() + ": step '" + ref.stepId() + "' has no output '" + ref.name() + "'"
                    + (outputs.isEmpty()
                            ? ""
                            : "; it has: "
                                    + String.join(
                                            ", ", outputs.stream().sorted().toList()));
        }
        return null;
    }

    /** The names a step makes available to later steps, or null when unknown (an unknown action). */
    private Set<String> outputsOf(JsonNode step) {
        Set<String> names = new HashSet<>();
        if (step.has("action")) {
            ActionContract contract = catalog.find(step.path("action").asText()).orElse(null);
            if (contract == null) return null;
            contract.outputs().forEach(o -> names.add(o.name()));
        }
        step.path("records").forEach(r -> names.add(r.path("name").asText()));
        return names;
    }

    private static boolean references(JsonNode step, String stepId) {
        return step.toString().contains("${steps." + stepId + ".");
    }

    private static void collectTexts(JsonNode node, String pointer, List<Map.Entry<String, String>> out) {
        if (node.isTextual()) {
            out.add(Map.entry(pointer, node.asText()));
        } else if (node.isObject()) {
            node.properties()
                    .forEach(e -> collectTexts(e.getValue(), pointer + "/" + LocatedYaml.escape(e.getKey()), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) collectTexts(node.get(i), pointer + "/" + i, out);
        }
    }
}
