package dev.drpilot.action.aws;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB items as the AWS CLI writes them ({"id": {"S": "u1"}}), so a scan's output can be
 * logged, shown, saved and written back by a later step: every type (S, N, B, SS, NS, BS, M, L,
 * NULL, BOOL), numbers kept as the exact text DynamoDB gave, binaries in base64. Errors name the
 * attribute and what is wrong, never a value: items carry personal data and tokens.
 */
final class DynamoJson {

    private static final String TYPES = "S, N, B, SS, NS, BS, M, L, NULL or BOOL";

    private DynamoJson() {}

    static Map<String, Object> toJson(Map<String, AttributeValue> item) {
        Map<String, Object> out = new LinkedHashMap<>();
        item.forEach((k, v) -> out.put(k, toJson(k, v)));
        return out;
    }

    private static Map<String, Object> toJson(String path, AttributeValue v) {
        return switch (v.type()) {
            case S -> Map.of("S", v.s());
            case N -> Map.of("N", v.n());
            case B -> Map.of("B", base64(v.b()));
            case SS -> Map.of("SS", List.copyOf(v.ss()));
            case NS -> Map.of("NS", List.copyOf(v.ns()));
            case BS -> Map.of("BS", v.bs().stream().map(DynamoJson::base64).toList());
            case BOOL -> Map.of("BOOL", v.bool());
            case NUL -> Map.of("NULL", true);
            case M -> {
                Map<String, Object> map = new LinkedHashMap<>();
                v.m().forEach((k, inner) -> map.put(k, toJson(path + "." + k, inner)));
                yield Map.of("M", map);
            }
            case L -> {
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < v.l().size(); i++) list.add(toJson(path + "[" + i + "]", v.l().get(i)));
                yield Map.of("L", list);
            }
            case UNKNOWN_TO_SDK_VERSION ->
                throw new IllegalArgumentException(
                        "attribute " + path + " has a DynamoDB type this version of DR Pilot does not know");
        };
    }

    static Map<String, AttributeValue> fromJson(Map<String, Object> item) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        item.forEach((k, v) -> out.put(k, value(k, v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static AttributeValue value(String path, Object given) {
        if (!(given instanceof Map<?, ?> typed) || typed.size() != 1) {
            throw new IllegalArgumentException("attribute " + path + " needs exactly one type key (" + TYPES + ")");
        }
        Map.Entry<String, Object> e =
                ((Map<String, Object>) typed).entrySet().iterator().next();
        Object v = e.getValue();
        return switch (e.getKey()) {
            case "S" -> AttributeValue.fromS(text(path, v));
            case "N" -> AttributeValue.fromN(number(path, v));
            case "B" -> AttributeValue.fromB(bytes(path, v));
            case "BOOL" -> AttributeValue.fromBool(bool(path, v));
            case "NULL" -> AttributeValue.fromNul(true);
            case "SS" ->
                AttributeValue.fromSs(
                        list(path, v).stream().map(o -> text(path, o)).toList());
            case "NS" ->
                AttributeValue.fromNs(
                        list(path, v).stream().map(o -> number(path, o)).toList());
            case "BS" ->
                AttributeValue.fromBs(
                        list(path, v).stream().map(o -> bytes(path, o)).toList());
            case "M" -> {
                if (!(v instanceof Map<?, ?> map))
                    throw new IllegalArgumentException("attribute " + path + " (M) is not a map");
                Map<String, AttributeValue> inner = new LinkedHashMap<>();
                ((Map<String, Object>) map).forEach((k, o) -> inner.put(k, value(path + "." + k, o)));
                yield AttributeValue.fromM(inner);
            }
            case "L" -> {
                List<Object> items = list(path, v);
                List<AttributeValue> inner = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) inner.add(value(path + "[" + i + "]", items.get(i)));
                yield AttributeValue.fromL(inner);
            }
            default ->
                throw new IllegalArgumentException("attribute " + path + " has the unknown type key '" + e.getKey()
                        + "' (expected " + TYPES + ")");
        };
    }

    /**
     * The attributes in which two items differ, by name (values never shown). Sets compare as
     * sets and numbers by value: DynamoDB returns "1.50" as "1.5" and sets in any order.
     */
    static List<String> differences(Map<String, AttributeValue> expected, Map<String, AttributeValue> found) {
        Set<String> names = new TreeSet<>(expected.keySet());
        names.addAll(found.keySet());
        return names.stream().filter(n -> !same(expected.get(n), found.get(n))).toList();
    }

    private static boolean same(AttributeValue a, AttributeValue b) {
        if (a == null || b == null) return a == b;
        if (a.type() != b.type()) return false;
        return switch (a.type()) {
            case N -> new BigDecimal(a.n()).compareTo(new BigDecimal(b.n())) == 0;
            case SS -> new HashSet<>(a.ss()).equals(new HashSet<>(b.ss()));
            case NS ->
                a.ns().stream()
                        .map(n -> new BigDecimal(n).stripTrailingZeros())
                        .collect(Collectors.toSet())
                        .equals(b.ns().stream()
                                .map(n -> new BigDecimal(n).stripTrailingZeros())
                                .collect(Collectors.toSet()));
            case BS -> new HashSet<>(a.bs()).equals(new HashSet<>(b.bs()));
            case M -> differences(a.m(), b.m()).isEmpty();
            case L ->
                a.l().size() == b.l().size()
                        && IntStream.range(0, a.l().size()).allMatch(i -> same(a.l().get(i), b.l().get(i)));
            default -> a.equals(b);
        };
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }

    private static String text(String path, Object v) {
        if (!(v instanceof String s)) throw new IllegalArgumentException("attribute " + path + " needs a string");
        return s;
    }

    private static String number(String path, Object v) {
        String text = v instanceof Number ? v.toString() : text(path, v);
        try {
            new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("attribute " + path + " needs a number");
        }
        return text;
    }

    private static SdkBytes bytes(String path, Object v) {
        try {
            return SdkBytes.fromByteArray(Base64.getDecoder().decode(text(path, v)));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("attribute " + path + " needs base64 binary data");
        }
    }

    private static boolean bool(String path, Object v) {
        if (v instanceof Boolean b) return b;
        if ("true".equals(v) || "false".equals(v)) return Boolean.parseBoolean((String) v);
        throw new IllegalArgumentException("attribute " + path + " needs true or false");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(String path, Object v) {
        if (!(v instanceof List<?> list)) throw new IllegalArgumentException("attribute " + path + " needs a list");
        return (List<Object>) list;
    }
}
