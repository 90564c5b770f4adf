package dev.drpilot.incident;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of everything before it is written or shown:
 * <ul>
 *   <li>the whole value of a field whose name says it is secret, whatever its shape (a string, a
 *       typed DynamoDB value such as {"S": "..."}, a list, a nested map), at any depth;</li>
 *   <li>the value beside a secret name in name/value pairs ({"Name": "api_token", "Value": "..."});</li>
 *   <li>{@code name=value} and {@code "name": "value"} inside text, where the name is secret;</li>
 *   <li>any value registered as secret (a secret parameter, a sensitive argument), wherever it appears.</li>
 * </ul>
 */
public final class SecretRedactor {

    public static final String REDACTED = "[redacted]";

    private static final String SECRET_WORDS =
            "password|passwd|passphrase|secret|token|access[_-]?key|private[_-]?key|api[_-]?key|credential|authorization";
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(" + SECRET_WORDS + ").*");
    /** Names about a secret rather than holding one: secretId, tokenCount, secretsHandling, passwordFile. */
    private static final Pattern ABOUT_A_SECRET =
            Pattern.compile("(?i).*[a-z0-9][_-]?(id|ids|name|names|arn|arns|count|handling|file|path|type|ref)$");
    /** A secret-named key followed by its value inside text: {@code apiToken=abc}, {@code "password": "abc"}. */
    private static final Pattern SECRET_IN_TEXT = Pattern.compile(
            "(?i)([A-Za-z0-9_.:-]*(?:" + SECRET_WORDS + ")[A-Za-z0-9_.:-]*)(\"?\\s*[:=]\\s*\"?)([^\\s\"'&,;}\\]]+)");
    /** Text without one of these (in any case) holds no secret name: the regular expression above is not worth running on it. */
    private static final List<String> SECRET_STEMS = List.of(
            "password",
            "passwd",
            "passphrase",
            "secret",
            "token",
            "access",
            "private",
            "api",
            "credential",
            "authorization");
    /** Field names seen so far and whether each is secret: a log writes the same few names over and over. */
    private static final Map<String, Boolean> NAMES_SEEN = new ConcurrentHashMap<>();

    private static final int NAMES_KEPT = 10_000;
    private static final List<String> PAIR_NAMES = List.of("name", "Name", "key", "Key", "AttributeName");
    private static final List<String> PAIR_VALUES = List.of("value", "Value", "AttributeValue");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** A value that must never be written, wherever it appears. Values shorter than 4 characters are ignored. */
    public void addSecret(String value) {
        if (value != null && value.length() >= 4) secrets.add(value);
    }

    public static boolean isSecretName(String fieldName) {
        Boolean known = NAMES_SEEN.get(fieldName);
        if (known != null) return known;
        boolean secret = SECRET_NAME.matcher(fieldName).matches()
                && !ABOUT_A_SECRET.matcher(fieldName).matches();
        if (NAMES_SEEN.size() < NAMES_KEPT) NAMES_SEEN.put(fieldName, secret);
        return secret;
    }

    private static boolean mayNameASecret(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String stem : SECRET_STEMS) {
            if (lower.contains(stem)) return true;
        }
        return false;
    }

    public String redact(String text) {
        if (text == null) return null;
        String out = text;
        for (String secret : secrets) out = out.replace(secret, REDACTED);
        if (!mayNameASecret(out)) return out;
        Matcher m = SECRET_IN_TEXT.matcher(out);
        StringBuilder cleaned = new StringBuilder();
        while (m.find()) {
            String value = m.group(3);
            String replacement = value.equals(REDACTED) || value.startsWith("[redacted")
                    ? m.group()
                    : m.group(1) + m.group(2) + REDACTED;
            m.appendReplacement(cleaned, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(cleaned);
        return cleaned.toString();
    }

    /** Redacts a JSON tree in place and returns it. */
    public JsonNode redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            boolean secretPair = PAIR_NAMES.stream()
                    .map(object::get)
                    .map(SecretRedactor::text)
                    .anyMatch(n -> n != null && isSecretName(n));
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (isSecretName(field.getKey()) || secretPair && PAIR_VALUES.contains(field.getKey())) {
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

    /** The text of a plain or a typed DynamoDB string ({"S": "..."}), else null. */
    private static String text(JsonNode node) {
        if (node == null) return null;
        if (node.isTextual()) return node.asText();
        JsonNode typed = node.get("S");
        return node.size() == 1 && typed != null && typed.isTextual() ? typed.asText() : null;
    }

    /** A copy of values for the screen (a step's outputs), redacted as the log would be. */
    public Map<String, Object> redactValues(Map<String, Object> values) {
        JsonNode tree = redact((JsonNode) JSON.valueToTree(values));
        return JSON.convertValue(tree, new TypeReference<Map<String, Object>>() {});
    }
}
