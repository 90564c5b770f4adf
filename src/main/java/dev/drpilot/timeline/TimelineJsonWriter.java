package dev.drpilot.timeline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpilot.engine.RunbookVersions;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * Every event of the incident, as stored (streamed from the log, never held at once), in the stable schema of docs/timeline-json.md, with the
 * event count and head hash above the events and a seal below them that names both and digests
 * the incident and the events, so {@code verify --file} finds any event removed, added, reordered
 * or changed.
 */
public final class TimelineJsonWriter implements PostmortemWriter {

    static final int SCHEMA_VERSION = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String extension() {
        return "json";
    }

    @Override
    public void write(Postmortem pm, Writer out) throws IOException {
        write(pm, null, out);
    }

    /** The timeline with an evidence section above it, which its seal digests too; none when {@code evidence} is null. */
    void write(Postmortem pm, ObjectNode evidence, Writer out) throws IOException {
        ObjectNode incident = incident(pm.incident());
        if (!pm.runbookVersions().isEmpty()) runbookVersions(incident, pm.runbookVersions());
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("schemaVersion", SCHEMA_VERSION);
            if (evidence != null) {
                json.writeFieldName("evidence");
                json.writeTree(evidence);
            }
            json.writeFieldName("incident");
            json.writeTree(incident);
            json.writeNumberField("eventCount", pm.eventCount());
            json.writeStringField("headHash", pm.headHash());
            json.writeArrayFieldStart("events");
            CanonicalDigest digest = new CanonicalDigest();
            pm.events(e -> {
                String payload = compact(e.payload());
                writeEvent(json, e, payload);
                digest.add(canonical(e, payload));
            });
            json.writeEndArray();
            json.writeFieldName("seal");
            json.writeTree(new TimelineSeal(
                            pm.incident().id(),
                            pm.eventCount(),
                            pm.firstHash(),
                            pm.headHash(),
                            CanonicalDigest.of(incident),
                            digest.ofArray(),
                            evidence == null ? null : CanonicalDigest.of(evidence))
                    .toJson());
            json.writeEndObject();
        }
    }

    private static ObjectNode incident(Incident i) {
        ObjectNode incident = JSON.createObjectNode();
        incident.put("id", i.id());
        incident.put("runbook", i.runbookId());
        incident.put("title", i.title());
        incident.put("mode", i.mode().name());
        incident.put("severity", i.severity());
        incident.put("commander", i.commander());
        incident.put("declaredAt", i.declaredAt().toString());
        incident.put("failureStartedAt", text(i.failureStartedAt()));
        incident.put("closedAt", text(i.closedAt()));
        return incident;
    }

    /** Under the incident, so the seal's digest of it covers them; left out for a log that recorded none, as before. */
    private static void runbookVersions(ObjectNode incident, List<RunbookVersions.Recorded> versions) {
        var array = incident.putArray("runbookVersions");
        for (RunbookVersions.Recorded v : versions) {
            array.addObject()
                    .put("file", v.version().file())
                    .put("sha256", v.version().sha256())
                    .put("sequence", v.sequence());
        }
    }

    /** A payload as its JSON tree would print it (compact), copied token by token without building the tree. */
    private static String compact(String payload) throws IOException {
        StringWriter text = new StringWriter(payload.length());
        try (JsonParser parser = JSON.getFactory().createParser(payload);
                JsonGenerator compact = JSON.getFactory().createGenerator(text)) {
            parser.nextToken();
            compact.copyCurrentStructure(parser);
        }
        return text.toString();
    }

    /** An event's canonical text (compact), which the seal's digest of the events array takes. */
    private static String canonical(IncidentEvent e, String payload) throws IOException {
        StringWriter text = new StringWriter(payload.length() + 400);
        try (JsonGenerator compact = JSON.getFactory().createGenerator(text)) {
            writeEvent(compact, e, payload);
        }
        return text.toString();
    }

    /** An event's fields (one per line in the file, where a payload stays on the line of its name, as the log keeps it). */
    private static void writeEvent(JsonGenerator json, IncidentEvent e, String payload) throws IOException {
        json.writeStartObject();
        json.writeNumberField("sequence", e.sequence());
        json.writeStringField("time", e.time().toString());
        json.writeStringField("kind", e.kind().name());
        json.writeStringField("actor", e.actor());
        json.writeStringField("step", e.stepId());
        json.writeFieldName("payload");
        json.writeRawValue(payload);
        json.writeFieldName("corrects");
        if (e.corrects() == null) json.writeNull();
        else json.writeNumber(e.corrects());
        json.writeStringField("occurredAt", text(e.occurredAt()));
        json.writeStringField("previousHash", e.previousHash());
        json.writeStringField("hash", e.hash());
        json.writeEndObject();
    }

    private static String text(Instant time) {
        return time == null ? null : time.toString();
    }
}
