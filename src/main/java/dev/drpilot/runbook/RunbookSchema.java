package dev.drpilot.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The JSON Schema of runbooks (runbooks/schema/runbook.schema.json, also on the class path),
 * with its findings turned into sentences that say what to change.
 */
public final class RunbookSchema {

    static final String RESOURCE = "runbook.schema.json";

    private final Schema schema;
    private final JsonNode schemaTree;
    private final ObjectMapper json = new ObjectMapper();

    public RunbookSchema() {
        try (InputStream tree = RunbookSchema.class.getResourceAsStream(RESOURCE);
                InputStream forValidator = RunbookSchema.class.getResourceAsStream(RESOURCE)) {
            if (tree == null) throw new IllegalStateException("runbook schema missing from the class path");
            schemaTree = json.readTree(tree);
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(forValidator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A finding: where (as a JSON pointer) and what to do.
     *
     * @param wrongShape a part of the wrong kind (a mapping where a list belongs...), which the later checks cannot read
     */
    public record Finding(String pointer, String message, boolean wrongShape) {

        Finding(String pointer, String message) {
            this(pointer, message, false);
        }
    }

    public List<Finding> check(JsonNode document) {
        String text;
        try {
            text = json.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Finding> findings = new ArrayList<>();
        for (Error error : schema.validate(text, InputFormat.JSON)) {
            if (error.getEvaluationPath().toString().contains("oneOf"))
                continue; // action xor manual: said better by RunbookChecker
            String pointer = pointer(error.getInstanceLocation());
            Finding finding = explain(error, pointer);
            if (finding != null && !findings.contains(finding)) findings.add(finding);
        }
        return findings;
    }

    private Finding explain(Error error, String pointer) {
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        String field = fieldName(pointer);
        return switch (keyword) {
            case "additionalProperties" ->
                new Finding(
                        pointer + "/" + LocatedYaml.escape(error.getProperty()),
                        "unknown field '" + error.getProperty() + "' in " + where(pointer) + "; allowed: "
                                + String.join(", ", allowedFields(pointer)));
            case "required" -> new Finding(pointer, "missing field '" + error.getProperty() + "' in " + where(pointer));
            case "enum" ->
                new Finding(
                        pointer,
                        field + ": " + describe(error.getInstanceNode()) + " is not one of " + enumValues(error));
            case "type" ->
                new Finding(
                        pointer,
                        field + ": expected " + expectedType(error) + ", found " + describe(error.getInstanceNode()),
                        true);
            case "pattern" ->
                new Finding(
                        pointer,
                        field + ": " + describe(error.getInstanceNode()) + " "
                                + (field.equals("name")
                                        ? "must be letters and digits, starting with a letter (restoreTime)"
                                        : "must be lower-case words joined by '-' (like druid-pod-failure)"));
            case "minItems" ->
                new Finding(
                        pointer,
                        field + ": the list is empty; "
                                + (field.equals("steps")
                                        ? "a runbook needs at least one step"
                                        : "give at least one value"));
            case "minLength" -> new Finding(pointer, field + ": too short; say what it is in a few words");
            case "minProperties" ->
                new Finding(pointer, field + ": give a condition: equals, atLeast, atMost or contains");
            default -> new Finding(pointer, error.getMessage());
        };
    }

    private static String pointer(NodePath path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            out.append('/').append(LocatedYaml.escape(String.valueOf(path.getElement(i))));
        }
        return out.toString();
    }

    private static String fieldName(String pointer) {
        if (pointer.isEmpty()) return "runbook";
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        return last.matches("\\d+")
                ? fieldName(pointer.substring(0, pointer.lastIndexOf('/'))) + " item " + (Integer.parseInt(last) + 1)
                : last;
    }

    /** "the runbook", "step 3", "parameter 2", "targets". */
    private static String where(String pointer) {
        if (pointer.isEmpty()) return "the runbook";
        if (pointer.matches("/steps/\\d+")) return "step " + (index(pointer) + 1);
        if (pointer.matches("/params/\\d+")) return "parameter " + (index(pointer) + 1);
        if (pointer.matches("/steps/\\d+/records/\\d+")) return "recorded value " + (index(pointer) + 1);
        return fieldName(pointer);
    }

    private static int index(String pointer) {
        return Integer.parseInt(pointer.substring(pointer.lastIndexOf('/') + 1));
    }

    private List<String> allowedFields(String pointer) {
        JsonNode definition;
        if (pointer.isEmpty()) definition = schemaTree;
        else if (pointer.equals("/targets"))
            definition = schemaTree.path("properties").path("targets");
        else if (pointer.matches("/steps/\\d+"))
            definition = schemaTree.path("$defs").path("step");
        else if (pointer.matches("(/steps/\\d+/records|/params)/\\d+"))
            definition = schemaTree.path("$defs").path("param");
        else if (pointer.matches("/steps/\\d+/verify/[^/]+")) {
            definition = schemaTree
                    .path("$defs")
                    .path("step")
                    .path("properties")
                    .path("verify")
                    .path("additionalProperties");
        } else return List.of("(none)");
        Iterator<String> names = definition.path("properties").fieldNames();
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    private static String enumValues(Error error) {
        JsonNode values = error.getSchemaNode();
        if (values != null && values.isArray()) {
            return String.join(
                    ", ",
                    StreamSupport.stream(values.spliterator(), false)
                            .map(JsonNode::asText)
                            .toList());
        }
        return java.util.Arrays.toString(error.getArguments());
    }

    private static String expectedType(Error error) {
        JsonNode type = error.getSchemaNode();
        String raw = type == null
                ? ""
                : type.isArray()
                        ? String.join(
                                " or ",
                                StreamSupport.stream(type.spliterator(), false)
                                        .map(JsonNode::asText)
                                        .toList())
                        : type.asText();
        return switch (raw) {
            case "object" -> "a mapping (key: value)";
            case "array" -> "a list";
            case "string" -> "text";
            case "integer" -> "a whole number";
            case "boolean" -> "true or false";
            default -> raw;
        };
    }

    private static String describe(JsonNode node) {
        if (node == null) return "nothing";
        if (node.isObject()) return "a mapping";
        if (node.isArray()) return "a list";
        if (node.isNumber()) return "the number " + node;
        if (node.isBoolean()) return node.asText();
        if (node.isNull()) return "an empty value";
        return "'" + node.asText() + "'";
    }
}
