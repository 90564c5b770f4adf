package dev.drpilot.runbook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One version of a runbook file: its name, the SHA-256 of its exact bytes, and its text. The
 * loader reads a file only as valid UTF-8, so the bytes of {@code text} in UTF-8 are the file's
 * bytes and the hash is computed from them. This is the one place a runbook's hash is computed.
 *
 * @param file   the file's name (no folder: the same runbook is found in another folder on another laptop)
 * @param sha256 SHA-256 of the file's bytes, 64 lower-case hex digits
 */
public record RunbookVersion(String file, String sha256, String text) {

    /** How many hex digits of the hash name a version to a person, as Git's short ids do. */
    public static final int SHORT_ID = 12;

    public static RunbookVersion of(String file, String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return new RunbookVersion(file, HexFormat.of().formatHex(digest), text);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256, which every Java must have", e);
        }
    }

    /** The first {@value #SHORT_ID} hex digits of a hash, or "unknown" when there is none. */
    public static String shortId(String sha256) {
        if (sha256 == null) return "unknown";
        return sha256.length() <= SHORT_ID ? sha256 : sha256.substring(0, SHORT_ID);
    }

    public String shortId() {
        return shortId(sha256);
    }

    /** "druid-rds-corruption.yaml version 3f2a9c01b7de", as the post-mortem and the prompts name it. */
    public String label() {
        return file + " version " + shortId();
    }

    public boolean sameAs(RunbookVersion other) {
        return other != null && sha256.equals(other.sha256);
    }
}
