package dev.drpilot.action.aws;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB items generated from a seed, for property tests: every attribute type (S with Unicode
 * and empty strings, N with up to 38 digits and negative or fractional, B, SS, NS, BS, M, L, NULL,
 * BOOL) nested up to three levels. The same seed gives the same items, so a failure names its seed.
 */
final class RandomItems {

    private static final String[] TEXT_EXTRAS = {"", "😀", "ünï", "段", "\"quoted\\", "\t\n"};

    private final SplittableRandom random;

    RandomItems(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** One to four items, each with a unique string id (with odd characters) and up to eight other attributes. */
    List<Map<String, AttributeValue>> items(String idPrefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            int attributes = random.nextInt(9);
            for (int a = 0; a < attributes; a++) item.put(name(), value(3));
            item.put("id", AttributeValue.fromS(idPrefix + " ü/段#" + i));
            items.add(item);
        }
        return items;
    }

    private AttributeValue value(int depth) {
        int kinds = depth > 0 ? 10 : 8;
        return switch (random.nextInt(kinds)) {
            case 0 -> AttributeValue.fromS(text());
            case 1 -> AttributeValue.fromN(number());
            case 2 -> AttributeValue.fromB(bytes(0));
            case 3 -> AttributeValue.fromSs(List.copyOf(distinct(this::text)));
            case 4 ->
                AttributeValue.fromNs(distinct(
                                () -> new BigDecimal(BigInteger.valueOf(random.nextLong(-1_000_000, 1_000_000)), 3)
                                        .toPlainString())
                        .stream()
                        .toList());
            case 5 ->
                AttributeValue.fromBs(
                        distinct(() -> Base64.getEncoder().encodeToString(bytes(1).asByteArray())).stream()
                                .map(b -> SdkBytes.fromByteArray(
                                        Base64.getDecoder().decode(b)))
                                .toList());
            case 6 -> AttributeValue.fromBool(random.nextBoolean());
            case 7 -> AttributeValue.fromNul(true);
            case 8 -> {
                Map<String, AttributeValue> map = new LinkedHashMap<>();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) map.put(name(), value(depth - 1));
                yield AttributeValue.fromM(map);
            }
            default -> {
                List<AttributeValue> list = new ArrayList<>();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) list.add(value(depth - 1));
                yield AttributeValue.fromL(list);
            }
        };
    }

    private String name() {
        return "a" + random.nextInt(1000);
    }

    private String text() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(13);
        for (int i = 0; i < length; i++) text.append((char) random.nextInt(' ', '~' + 1));
        return text + TEXT_EXTRAS[random.nextInt(TEXT_EXTRAS.length)];
    }

    /** Up to 38 significant digits (DynamoDB's precision), negative too, scaled from 1e-20 to 1e20. */
    private String number() {
        BigInteger digits = new BigInteger(126, new java.util.Random(random.nextLong())).mod(BigInteger.TEN.pow(38));
        if (random.nextBoolean()) digits = digits.negate();
        return new BigDecimal(digits, random.nextInt(-20, 21)).toPlainString();
    }

    private SdkBytes bytes(int minSize) {
        byte[] bytes = new byte[minSize + random.nextInt(16)];
        random.nextBytes(bytes);
        return SdkBytes.fromByteArray(bytes);
    }

    private Set<String> distinct(Supplier<String> element) {
        Set<String> set = new LinkedHashSet<>();
        int size = 1 + random.nextInt(4);
        while (set.size() < size) set.add(element.get());
        return set;
    }
}
