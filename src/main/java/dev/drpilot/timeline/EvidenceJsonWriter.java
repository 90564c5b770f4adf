package dev.drpilot.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpilot.incident.Incident;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * An evidence pack as JSON (docs/evidence.md): the test's findings in an {@code evidence} object
 * above the sealed timeline of every event they were read from (docs/timeline-json.md), whose seal
 * also digests the findings, so {@code drpilot verify --file} fails on an edit to either.
 */
public final class EvidenceJsonWriter implements EvidenceWriter {

    /** The version of the {@code evidence} object's fields; the file's own schemaVersion is the timeline's. */
    static final int EVIDENCE_VERSION = 1;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String extension() {
        return "json";
    }

    @Override
    public void write(EvidencePack pack, Writer out) throws IOException {
        new TimelineJsonWriter().write(pack.postmortem(), evidence(pack), out);
    }

    static ObjectNode evidence(EvidencePack pack) {
        Incident incident = pack.postmortem().incident();
        ObjectNode evidence = NODES.objectNode();
        evidence.put("evidenceVersion", EVIDENCE_VERSION);
        evidence.put("testId", incident.id());
        evidence.put(
                "date",
                LocalDate.ofInstant(incident.startedAt(), ZoneOffset.UTC).toString());
        evidence.put("startedAt", text(incident.startedAt()));
        evidence.put("declaredAt", text(incident.declaredAt()));
        evidence.put("recoveredAt", text(pack.postmortem().recoveredAt()));
        evidence.put("closedAt", text(incident.closedAt()));
        evidence.put("writtenAt", text(pack.writtenAt()));
        evidence.put("scenarioType", pack.scenarioType().words());
        evidence.set("scope", scope(pack.scope()));
        ArrayNode participants = evidence.putArray("participants");
        pack.participants().forEach(p -> {
            ObjectNode participant = participants.addObject().put("name", p.name());
            p.roles().forEach(participant.putArray("roles")::add);
        });
        ObjectNode runbook = evidence.putObject("runbook")
                .put("id", incident.runbookId())
                .put("title", pack.postmortem().runbookTitle());
        runbook.put(
                "file", pack.runbookFile() == null ? null : pack.runbookFile().file());
        runbook.put(
                "version",
                pack.runbookFile() == null
                        ? null
                        : "sha256:" + pack.runbookFile().sha256());
        ObjectNode objectives = evidence.putObject("objectives");
        objectives.set("rto", objective(pack.rto()));
        objectives.set("rpo", objective(pack.rpo()));
        ArrayNode deviations = evidence.putArray("deviations");
        pack.deviations()
                .forEach(d -> deviations
                        .addObject()
                        .put("sequence", d.sequence())
                        .put("at", text(d.at()))
                        .put("step", d.step())
                        .put("what", d.what()));
        ArrayNode skipped = evidence.putArray("skippedSteps");
        pack.skipped()
                .forEach(s -> skipped.addObject()
                        .put("sequence", s.sequence())
                        .put("at", text(s.at()))
                        .put("step", s.step())
                        .put("reason", s.reason())
                        .put("by", s.by()));
        ArrayNode gaps = evidence.putArray("gaps");
        pack.gaps()
                .forEach(g -> gaps.addObject()
                        .put("sequence", g.sequence())
                        .put("recordedAt", text(g.recordedAt()))
                        .put("recordedBy", g.recordedBy())
                        .put("text", g.text())
                        .put("remediation", g.remediation())
                        .put("owner", g.owner())
                        .put("due", g.due() == null ? null : g.due().toString())
                        .put("overdue", g.overdue()));
        evidence.set("readinessBeforeTest", readiness(pack.readiness()));
        evidence.putObject("log")
                .put("chainIntact", pack.postmortem().chain().intact())
                .put("eventCount", pack.postmortem().eventCount())
                .put("firstHash", pack.postmortem().firstHash())
                .put("headHash", pack.postmortem().headHash());
        return evidence;
    }

    private static ObjectNode scope(EvidencePack.Scope scope) {
        ObjectNode node = NODES.objectNode()
                .put("runbookTitle", scope.runbookTitle())
                .put("architecture", scope.architecture())
                .put("guideSection", scope.guideSection())
                .put("summary", scope.summary())
                .put("mode", scope.mode())
                .put("exercise", scope.exercise());
        ObjectNode params = node.putObject("params");
        scope.params().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(p -> params.put(p.getKey(), p.getValue()));
        return node;
    }

    private static ObjectNode objective(EvidencePack.Objective objective) {
        Duration achieved = objective.achieved();
        return NODES.objectNode()
                .put("target", objective.target())
                .put("achieved", achieved == null ? null : achieved.toString())
                .put("achievedSeconds", achieved == null ? null : achieved.toSeconds())
                .put("verdict", objective.verdict());
    }

    private static ObjectNode readiness(EvidencePack.Readiness readiness) {
        if (readiness == null) return null;
        ObjectNode node = NODES.objectNode()
                .put("sequence", readiness.sequence())
                .put("file", readiness.file())
                .put("sha256", readiness.sha256())
                .put("checkedAt", text(readiness.checkedAt()))
                .put("identity", readiness.identity())
                .put("result", readiness.result())
                .put("beforeTest", readiness.beforeTest());
        ArrayNode rows = node.putArray("rows");
        readiness.rows().forEach(row -> rows.add(JSON.<JsonNode>valueToTree(row)));
        return node;
    }

    private static String text(Instant time) {
        return time == null ? null : time.toString();
    }
}
