package dev.drpilot.action.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB items as the AWS CLI writes them ({"id": {"S": "u1"}}), so a scan's output can be
 * logged, shown and written back by a later step.
 */
final class DynamoJson {

    private DynamoJson() {
    }

    static Map<String, Object> toJson(Map<String, AttributeValue> item) {
        Map<String, Object> out = new LinkedHashMap<>();
        item.forEach((k, v) -> out.put(k, toJson(v)));
        return out;
    }

    private static Map<String, Object> toJson(AttributeValue v) {
        if (v.s() != null) return Map.of("S", v.s());
        if (v.n() != null) return Map.of("N", v.n());
        if (v.bool() != null) return Map.of("BOOL", v.bool());
        if (Boolean.TRUE.equals(v.nul())) return Map.of("NULL", true);
        if (v.hasM()) return Map.of("M", toJson(v.m()));
        if (v.hasL()) return Map.of("L", v.l().stream().map(DynamoJson::toJson).toList());
        if (v.hasSs()) return Map.of("SS", v.ss());
        if (v.hasNs()) return Map.of("NS", v.ns());
        if (v.b() != null) return Map.of("B", java.util.Base64.getEncoder().encodeToString(v.b().asByteArray()));
        throw new IllegalArgumentException("unsupported attribute value " + v);
    }

    @SuppressWarnings("unchecked")
    static Map<String, AttributeValue> fromJson(Map<String, Object> item) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        item.forEach((k, v) -> out.put(k, value((Map<String, Object>) v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static AttributeValue value(Map<String, Object> typed) {
        if (typed.size() != 1) throw new IllegalArgumentException("a DynamoDB value has one type key (S, N, M...): " + typed);
        Map.Entry<String, Object> e = typed.entrySet().iterator().next();
        Object v = e.getValue();
        return switch (e.getKey()) {
            case "S" -> AttributeValue.fromS(String.valueOf(v));
            case "N" -> AttributeValue.fromN(String.valueOf(v));
            case "BOOL" -> AttributeValue.fromBool(Boolean.valueOf(String.valueOf(v)));
            case "NULL" -> AttributeValue.fromNul(true);
            case "M" -> AttributeValue.fromM(fromJson((Map<String, Object>) v));
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                for (Object o : (List<Object>) v) list.add(value((Map<String, Object>) o));
                yield AttributeValue.fromL(list);
            }
            case "SS" -> AttributeValue.fromSs(((List<Object>) v).stream().map(String::valueOf).toList());
            case "NS" -> AttributeValue.fromNs(((List<Object>) v).stream().map(String::valueOf).toList());
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(java.util.Base64.getDecoder().decode(String.valueOf(v))));
            default -> throw new IllegalArgumentException("unknown DynamoDB type '" + e.getKey() + "'");
        };
    }
}
