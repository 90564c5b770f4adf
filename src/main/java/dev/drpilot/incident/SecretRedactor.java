package dev.drpilot.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Takes secrets out of everything before it is written: the values of fields whose names say
 * they are secret, and any value registered as secret (a secret parameter, a sensitive argument)
 * wherever it appears.
 */
public final class SecretRedactor {

    public static final String REDACTED = "[redacted]";

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passwd|secret|token|accesskey|privatekey|apikey|credential).*");

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** A value that must never be written, wherever it appears. Values shorter than 4 characters are ignored. */
    public void addSecret(String value) {
        if (value != null && value.length() >= 4) secrets.add(value);
    }

    public static boolean isSecretName(String fieldName) {
        return SECRET_NAME.matcher(fieldName).matches();
    }

    public String redact(String text) {
        if (text == null) return null;
        String out = text;
        for (String secret : secrets) out = out.replace(secret, REDACTED);
        return out;
    }

    /** Redacts a JSON tree in place and returns it. */
    public JsonNode redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (isSecretName(field.getKey()) && !field.getValue().isContainerNode()) {
                    field.setValue(TextNode.valueOf(REDACTED));
                } else {
                    field.setValue(redact(field.getValue()));
                }
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) array.set(i, redact(array.get(i)));
            return array;
        }
        if (node.isTextual()) return TextNode.valueOf(redact(node.asText()));
        return node;
    }
}
