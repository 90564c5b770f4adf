package dev.drpilot.timeline;

import dev.drpilot.runbook.Runbook;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A runbook's version as evidence names it: the SHA-256 of its YAML file. Runbooks carry no version
 * number of their own, and a digest changes with any edit, which a number written by hand may not.
 */
public final class RunbookVersion {

    /** The runbook's file name and the SHA-256 (hex) of its bytes. */
    public record Found(String file, String sha256) {
    }

    private RunbookVersion() {
    }

    /** The digest of the runbook's file, or empty when it has no file or the file cannot be read. */
    static Optional<Found> of(Runbook runbook) {
        if (runbook.source() == null) return Optional.empty();
        try {
            byte[] bytes = Files.readAllBytes(runbook.source());
            return Optional.of(new Found(runbook.source().getFileName().toString(), HexFormat.of().formatHex(sha256().digest(bytes))));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
