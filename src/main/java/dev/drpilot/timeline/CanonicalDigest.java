package dev.drpilot.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a JSON value's canonical text: compact (no whitespace between tokens), fields in the
 * order they stand, strings escaped only where JSON requires it. A timeline's indentation does not
 * change it; any other change to a value does. An array's digest is taken element by element, so
 * the writer need not hold every event at once.
 */
final class CanonicalDigest {

    private final MessageDigest sha256 = sha256();
    private boolean empty = true;

    /** Starts the digest of an array; its elements follow, in order, through {@link #add}. */
    CanonicalDigest() {
        sha256.update((byte) '[');
    }

    void add(JsonNode element) {
        add(element.toString());
    }

    /** Adds an element by its canonical text, written without a tree (compact, fields in order). */
    void add(String canonicalText) {
        if (!empty) sha256.update((byte) ',');
        sha256.update(canonicalText.getBytes(StandardCharsets.UTF_8));
        empty = false;
    }

    /** The digest of the array of every element added. */
    String ofArray() {
        sha256.update((byte) ']');
        return HexFormat.of().formatHex(sha256.digest());
    }

    static String of(JsonNode value) {
        return HexFormat.of().formatHex(sha256().digest(canonical(value)));
    }

    private static byte[] canonical(JsonNode value) {
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
