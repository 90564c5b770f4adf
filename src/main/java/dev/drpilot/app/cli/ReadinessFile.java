package dev.drpilot.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.FileErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** A saved {@code drpilot readiness --json} report, read to be attached to an incident's log with its file's hash. */
final class ReadinessFile {

    /** Why the file cannot be attached, in one sentence. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** A report is a few kilobytes; a file far larger is something else. */
    private static final long MAX_BYTES = 1_000_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReadinessFile() {}

    static EventData.ReadinessAttached read(Path file) throws Refused {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) throw notAReport(file, "it is larger than a readiness report can be");
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Refused("cannot read " + file + ": " + FileErrors.inWords(e));
        }
        Map<String, Object> report;
        try {
            report = JSON.readValue(bytes, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw notAReport(file, "it is not a JSON object");
        } catch (IOException e) {
            throw new Refused("cannot read " + file + ": " + FileErrors.inWords(e));
        }
        if (report == null || !(report.get("rows") instanceof List<?>)) throw notAReport(file, "it has no rows");
        if (!(report.get("checkedAt") instanceof String checkedAt))
            throw notAReport(file, "it does not say when it was checked");
        try {
            Instant.parse(checkedAt);
        } catch (DateTimeParseException e) {
            throw notAReport(file, "its checkedAt '" + checkedAt + "' is not a UTC instant");
        }
        return new EventData.ReadinessAttached(file.toString(), sha256(bytes), report);
    }

    private static Refused notAReport(Path file, String why) {
        return new Refused(file + " is not a saved readiness report (" + why
                + "): save one with `drpilot readiness --json > FILE`");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
