package dev.drpilot.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The closing object of a JSON timeline: what the exported events were when they were written,
 * so that an event removed from the end, added, reordered or changed shows when it is checked.
 *
 * @param incident       the incident's id
 * @param eventCount     how many events the timeline holds
 * @param firstHash      the hash of its first event (the declaration), or null for none
 * @param headHash       the hash of its newest event, or null for none
 * @param incidentDigest SHA-256 of the canonical text of the {@code incident} object
 * @param eventsDigest   SHA-256 of the canonical text of the {@code events} array
 * @param evidenceDigest SHA-256 of the canonical text of an evidence pack's {@code evidence} object; null in a plain timeline
 */
record TimelineSeal(
        String incident,
        long eventCount,
        String firstHash,
        String headHash,
        String incidentDigest,
        String eventsDigest,
        String evidenceDigest) {

    private static final List<String> FIELDS =
            List.of("incident", "eventCount", "firstHash", "headHash", "incidentDigest", "eventsDigest");

    ObjectNode toJson() {
        ObjectNode seal = JsonNodeFactory.instance.objectNode();
        seal.put("incident", incident);
        seal.put("eventCount", eventCount);
        seal.put("firstHash", firstHash);
        seal.put("headHash", headHash);
        seal.put("incidentDigest", incidentDigest);
        seal.put("eventsDigest", eventsDigest);
        if (evidenceDigest != null) seal.put("evidenceDigest", evidenceDigest);
        return seal;
    }

    /** The seal a timeline file closes with, or the name of the field it lacks. */
    static Optional<String> missingField(JsonNode seal) {
        return FIELDS.stream()
                .filter(field -> field.equals("eventCount")
                        ? !seal.path(field).canConvertToExactIntegral()
                        : !seal.path(field).isTextual())
                .findFirst();
    }

    /** Reads a seal that {@link #missingField} found complete. */
    static TimelineSeal of(JsonNode seal) {
        return new TimelineSeal(
                seal.path("incident").asText(),
                seal.path("eventCount").asLong(),
                seal.path("firstHash").asText(),
                seal.path("headHash").asText(),
                seal.path("incidentDigest").asText(),
                seal.path("eventsDigest").asText(),
                seal.path("evidenceDigest").isTextual()
                        ? seal.path("evidenceDigest").asText()
                        : null);
    }
}
