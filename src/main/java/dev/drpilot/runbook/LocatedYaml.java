package dev.drpilot.runbook;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document as a Jackson tree, with the line and column of every node, keyed by its
 * JSON pointer ({@code /steps/2/with/source}). Jackson's tree keeps no positions, and the
 * operator needs them: every problem in a runbook is reported as file:line:column.
 */
public final class LocatedYaml {

    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonNode root;
    private final Map<String, SourcePosition> positions;

    private LocatedYaml(JsonNode root, Map<String, SourcePosition> positions) {
        this.root = root;
        this.positions = positions;
    }

    /** Parses one YAML document; a syntax error carries its position. */
    public static LocatedYaml parse(String text) throws YamlSyntaxException {
        try (JsonParser parser = YAML.createParser(text)) {
            Map<String, SourcePosition> positions = new HashMap<>();
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new LocatedYaml(JsonNodeFactory.instance.missingNode(), positions);
            }
            positions.put("", position(parser.currentTokenLocation()));
            JsonNode root = readValue(parser, "", positions);
            return new LocatedYaml(root, positions);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            SourcePosition at = where == null ? SourcePosition.START : position(where);
            throw new YamlSyntaxException(markOf(e.getOriginalMessage()).orElse(at), oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new YamlSyntaxException(SourcePosition.START, e.getMessage());
        }
    }

    public JsonNode root() {
        return root;
    }

    /** The position of the node at a JSON pointer, or of its nearest ancestor that has one. */
    public SourcePosition positionOf(String pointer) {
        String path = pointer;
        while (true) {
            SourcePosition found = positions.get(path);
            if (found != null) return found;
            if (path.isEmpty()) return SourcePosition.START;
            path = path.substring(0, path.lastIndexOf('/'));
        }
    }

    private static JsonNode readValue(JsonParser parser, String path, Map<String, SourcePosition> positions)
            throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String child = path + "/" + escape(name);
                    positions.put(child, position(parser.currentTokenLocation()));
                    parser.nextToken();
                    object.set(name, readValue(parser, child, positions));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    String child = path + "/" + index++;
                    positions.put(child, position(parser.currentTokenLocation()));
                    array.add(readValue(parser, child, positions));
                }
                return array;
            }
            case VALUE_STRING -> {
                return JsonNodeFactory.instance.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return JsonNodeFactory.instance.numberNode(parser.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return JsonNodeFactory.instance.numberNode(parser.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return JsonNodeFactory.instance.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return JsonNodeFactory.instance.nullNode();
            }
            default -> throw new IOException("unexpected YAML token " + token);
        }
    }

    private static final java.util.regex.Pattern MARK = java.util.regex.Pattern.compile("line (\\d+), column (\\d+)");

    /** SnakeYAML's own mark ("line 13, column 1") is where the problem is; Jackson's location is where it gave up. */
    private static java.util.Optional<SourcePosition> markOf(String message) {
        java.util.regex.Matcher m = MARK.matcher(message == null ? "" : message);
        SourcePosition last = null;
        while (m.find()) last = new SourcePosition(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        return java.util.Optional.ofNullable(last);
    }

    /** SnakeYAML's message without its source excerpts and caret lines, on one line. */
    private static String oneLine(String message) {
        if (message == null) return "unreadable YAML";
        return String.join(
                "; ",
                message.lines()
                        .filter(l ->
                                !l.isBlank() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith(" in 'reader'"))
                        .map(String::strip)
                        .toList());
    }

    /** JSON pointer escaping (RFC 6901). */
    public static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static SourcePosition position(JsonLocation location) {
        return new SourcePosition(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    /** The YAML could not be read at all. */
    public static final class YamlSyntaxException extends Exception {
        private final SourcePosition position;

        YamlSyntaxException(SourcePosition position, String message) {
            super(message);
            this.position = position;
        }

        public SourcePosition position() {
            return position;
        }
    }
}
