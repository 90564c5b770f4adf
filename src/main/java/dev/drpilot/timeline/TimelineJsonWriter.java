package dev.drpilot.timeline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drpilot.incident.IncidentEvent;
import java.io.IOException;
import java.io.Writer;

/**
 * Every event of the incident, as stored, in the stable schema of docs/timeline-json.md. The
 * events keep their hashes, so {@code verify --file} can check an exported timeline.
 */
public final class TimelineJsonWriter implements PostmortemWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String extension() {
        return "json";
    }

    @Override
    public void write(Postmortem pm, Writer out) throws IOException {
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            var i = pm.incident();
            json.writeStartObject();
            json.writeNumberField("schemaVersion", 1);
            json.writeObjectFieldStart("incident");
            json.writeStringField("id", i.id());
            json.writeStringField("runbook", i.runbookId());
            json.writeStringField("title", i.title());
            json.writeStringField("mode", i.mode().name());
            json.writeStringField("severity", i.severity());
            json.writeStringField("commander", i.commander());
            json.writeStringField("declaredAt", i.declaredAt().toString());
            json.writeStringField("failureStartedAt", i.failureStartedAt() == null ? null : i.failureStartedAt().toString());
            json.writeStringField("closedAt", i.closedAt() == null ? null : i.closedAt().toString());
            json.writeEndObject();
            json.writeArrayFieldStart("events");
            for (IncidentEvent e : pm.events()) {
                json.writeStartObject();
                json.writeNumberField("sequence", e.sequence());
                json.writeStringField("time", e.time().toString());
                json.writeStringField("kind", e.kind().name());
                json.writeStringField("actor", e.actor());
                json.writeStringField("step", e.stepId());
                json.writeFieldName("payload");
                json.writeRawValue(e.payload());
                json.writeObjectField("corrects", e.corrects());
                json.writeStringField("occurredAt", e.occurredAt() == null ? null : e.occurredAt().toString());
                json.writeStringField("previousHash", e.previousHash());
                json.writeStringField("hash", e.hash());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
