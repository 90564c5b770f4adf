package dev.drpilot.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drpilot.action.ActionCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a checked runbook tree into the model records. Only called once the tree has no problems. */
final class RunbookBinder {

    private RunbookBinder() {}

    static Runbook bind(Path source, LocatedYaml yaml, ActionCatalog catalog, RunbookVersion version) {
        JsonNode root = yaml.root();
        JsonNode targets = root.path("targets");
        List<Param> params = new ArrayList<>();
        for (int i = 0; i < root.path("params").size(); i++) {
            params.add(param(root.path("params").get(i), yaml.positionOf("/params/" + i)));
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < root.path("steps").size(); i++) {
            steps.add(step(root.path("steps").get(i), "/steps/" + i, yaml, catalog));
        }
        return new Runbook(
                source,
                root.path("id").asText(),
                root.path("title").asText(),
                Architecture.fromYaml(root.path("architecture").asText()),
                RunbookKind.fromYaml(root.path("kind").asText()),
                text(root, "summary"),
                text(root, "guide"),
                strings(root.path("symptoms")),
                new Targets(
                        TimeTarget.parse(targets.path("rto").asText()),
                        TimeTarget.parse(targets.path("rpo").asText()),
                        text(targets, "note")),
                params,
                steps,
                version);
    }

    static Param param(JsonNode node, SourcePosition position) {
        boolean hasDefault = node.has("default");
        return new Param(
                node.path("name").asText(),
                ParamType.fromYaml(node.path("type").asText()),
                text(node, "label"),
                hasDefault ? node.path("default").asText() : null,
                text(node, "hint"),
                node.path("required").asBoolean(!hasDefault),
                strings(node.path("values")),
                node.has("min") ? node.path("min").asLong() : null,
                node.has("max") ? node.path("max").asLong() : null,
                text(node, "pattern"),
                position);
    }

    private static Step step(JsonNode node, String pointer, LocatedYaml yaml, ActionCatalog catalog) {
        List<Param> records = new ArrayList<>();
        for (int i = 0; i < node.path("records").size(); i++) {
            records.add(param(node.path("records").get(i), yaml.positionOf(pointer + "/records/" + i)));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> with = node.has("with") ? (Map<String, Object>) plain(node.path("with")) : Map.of();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> verify =
                node.has("verify") ? (Map<String, Map<String, Object>>) plain(node.path("verify")) : Map.of();
        return new Step(
                node.path("id").asText(),
                node.path("title").asText(),
                Phase.fromYaml(node.path("phase").asText()),
                text(node, "action"),
                with,
                text(node, "manual"),
                records,
                verify,
                duration(node, "expect"),
                duration(node, "timeout"),
                destructive(node, catalog),
                text(node, "confirm"),
                node.path("recovers").asBoolean(false),
                "second-person".equals(text(node, "approval")),
                yaml.positionOf(pointer));
    }

    /** A step is destructive when its action is, or when the runbook says so (a manual step, a write into production). */
    private static boolean destructive(JsonNode step, ActionCatalog catalog) {
        boolean actionIs = step.has("action")
                && catalog.find(step.path("action").asText())
                        .map(c -> c.destructive())
                        .orElse(false);
        return actionIs || step.path("destructive").asBoolean(false);
    }

    /** A YAML value as plain Java: String, Long, Boolean, BigDecimal, List, Map (in file order). */
    static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(plain(n)));
            return list;
        }
        if (node.isIntegralNumber()) return node.asLong();
        if (node.isNumber()) return node.decimalValue();
        if (node.isBoolean()) return node.asBoolean();
        if (node.isNull() || node.isMissingNode()) return null;
        return node.asText();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static Duration duration(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Duration.parse(value);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
