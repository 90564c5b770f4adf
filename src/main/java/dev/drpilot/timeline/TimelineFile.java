package dev.drpilot.timeline;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.FileErrors;
import dev.drpilot.incident.IncidentEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A JSON timeline read back from its file (docs/timeline-json.md): its events as the log held
 * them, and the JSON they were read from, for {@link TimelineVerifier} to check.
 */
record TimelineFile(JsonNode root, List<IncidentEvent> events) {

    /** The file is not a timeline this version reads; the message says why, in one sentence. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static TimelineFile read(Path file) throws Unreadable {
        JsonNode root = parse(file);
        if (!root.isObject()) {
            throw notATimeline(
                    file,
                    "it holds a JSON " + root.getNodeType().name().toLowerCase()
                            + " where a timeline is an object with its incident, events and seal");
        }
        if (!root.path("events").isArray()) throw notATimeline(file, "it has no events list");
        if (!root.path("incident").path("id").isTextual()) throw notATimeline(file, "it names no incident id");
        JsonNode version = root.path("schemaVersion");
        if (!version.canConvertToExactIntegral()
                || version.asLong() < 1
                || version.asLong() > TimelineJsonWriter.SCHEMA_VERSION) {
            throw notATimeline(
                    file,
                    "its schemaVersion is " + (version.isMissingNode() ? "missing" : version)
                            + ", and this DR Pilot reads 1 to " + TimelineJsonWriter.SCHEMA_VERSION);
        }
        String incidentId = root.path("incident").path("id").asText();
        JsonNode nodes = root.path("events");
        List<IncidentEvent> events = new ArrayList<>();
        for (JsonNode node : nodes) {
            events.add(event(file, incidentId, node, events.size() + 1, nodes.size()));
        }
        return new TimelineFile(root, List.copyOf(events));
    }

    int schemaVersion() {
        return root.path("schemaVersion").asInt();
    }

    String incidentId() {
        return root.path("incident").path("id").asText();
    }

    JsonNode incident() {
        return root.path("incident");
    }

    JsonNode eventNodes() {
        return root.path("events");
    }

    /** The closing seal; a missing node when the file has none. */
    JsonNode seal() {
        return root.path("seal");
    }

    private static JsonNode parse(Path file) throws Unreadable {
        if (Files.isDirectory(file)) throw new Unreadable("cannot read " + file + ": it is a folder, not a file");
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode root = JSON.readTree(in);
            if (root == null || root.isMissingNode()) throw notATimeline(file, "it is empty");
            return root;
        } catch (JsonEOFException e) {
            throw notATimeline(file, "its JSON breaks off" + where(e) + " (the file was cut short)");
        } catch (JsonProcessingException e) {
            throw notATimeline(file, "it is not JSON" + where(e));
        } catch (IOException e) {
            throw new Unreadable("cannot read " + file + ": " + FileErrors.inWords(e));
        }
    }

    private static String where(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static IncidentEvent event(Path file, String incidentId, JsonNode node, int position, int count)
            throws Unreadable {
        String which = "event " + position + " of " + count;
        if (!node.isObject()) throw notATimeline(file, which + " is not an object");
        if (!node.path("sequence").canConvertToExactIntegral())
            throw notATimeline(file, which + " has no sequence number");
        for (String field : List.of("time", "kind", "previousHash", "hash")) {
            if (!node.path(field).isTextual()) throw notATimeline(file, which + " has no " + field);
        }
        String kind = node.path("kind").asText();
        if (Arrays.stream(EventKind.values()).noneMatch(k -> k.name().equals(kind))) {
            throw notATimeline(file, which + " is of kind '" + kind + "', which DR Pilot does not write");
        }
        if (!node.path("payload").isObject()) throw notATimeline(file, which + " has no payload object");
        return new IncidentEvent(
                incidentId,
                node.path("sequence").asLong(),
                instant(file, which, node, "time"),
                EventKind.valueOf(kind),
                text(node, "actor"),
                text(node, "step"),
                node.path("payload").toString(),
                node.path("corrects").canConvertToExactIntegral()
                        ? node.path("corrects").asLong()
                        : null,
                node.path("occurredAt").isTextual() ? instant(file, which, node, "occurredAt") : null,
                node.path("previousHash").asText(),
                node.path("hash").asText());
    }

    private static Instant instant(Path file, String which, JsonNode node, String field) throws Unreadable {
        try {
            return Instant.parse(node.path(field).asText());
        } catch (DateTimeParseException e) {
            throw notATimeline(
                    file, which + " has a " + field + " '" + node.path(field).asText() + "' that is not a UTC instant");
        }
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.path(field).asText() : null;
    }

    private static Unreadable notATimeline(Path file, String why) {
        return new Unreadable(file + " is not a DR Pilot timeline: " + why);
    }
}
