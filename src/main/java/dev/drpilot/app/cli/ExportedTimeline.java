package dev.drpilot.app.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
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
import java.util.List;

/** The events of a JSON timeline as `drpilot export --format json` writes it (docs/timeline-json.md), read back to verify. */
final class ExportedTimeline {

    /** The file cannot be read as a timeline; the message says why, in one sentence. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportedTimeline() {
    }

    static List<IncidentEvent> read(Path file) throws Unreadable {
        JsonNode root = parse(file);
        if (root == null || !root.path("incident").path("id").isTextual() || !root.path("events").isArray()) {
            throw notATimeline(file, "it has no incident id and events");
        }
        if (root.path("events").isEmpty()) throw notATimeline(file, "it holds no events");
        String incident = root.path("incident").path("id").asText();
        List<IncidentEvent> events = new ArrayList<>();
        for (JsonNode e : root.path("events")) {
            int position = events.size() + 1;
            try {
                events.add(new IncidentEvent(incident, required(e, "sequence").asLong(), Instant.parse(required(e, "time").asText()),
                        EventKind.valueOf(required(e, "kind").asText()), text(e, "actor"), text(e, "step"),
                        JSON.writeValueAsString(e.path("payload")), e.path("corrects").isNumber() ? e.path("corrects").asLong() : null,
                        e.path("occurredAt").isTextual() ? Instant.parse(e.path("occurredAt").asText()) : null,
                        required(e, "previousHash").asText(), required(e, "hash").asText()));
            } catch (IllegalArgumentException | DateTimeParseException | JsonProcessingException problem) {
                throw notATimeline(file, "its event " + position + " has no valid sequence, time, kind and hashes");
            }
        }
        return events;
    }

    private static JsonNode parse(Path file) throws Unreadable {
        try (InputStream in = Files.newInputStream(file)) {
            return JSON.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw notATimeline(file, e instanceof JsonEOFException ? "its JSON breaks off" + where : "it is not JSON (" + where.strip() + ")");
        } catch (IOException e) {
            throw new Unreadable("cannot read " + file + ": " + FileErrors.inWords(e));
        }
    }

    private static JsonNode required(JsonNode event, String field) {
        JsonNode value = event.path(field);
        if (value.isMissingNode() || value.isNull()) throw new IllegalArgumentException(field);
        return value;
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isNull() || node.path(field).isMissingNode() ? null : node.path(field).asText();
    }

    private static Unreadable notATimeline(Path file, String why) {
        return new Unreadable(file + " is not a DR Pilot timeline: " + why + "; `drpilot export INCIDENT --format json` writes one");
    }
}
