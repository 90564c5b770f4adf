package dev.drpilot.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drpilot.incident.HashChain;
import dev.drpilot.incident.IncidentEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Checks an exported JSON timeline against itself, without the log: each event's hash against its
 * fields (as {@link HashChain} computes it), each link to the event before, and the whole against
 * its seal: the count, the first and head hashes and the digests. Whatever was removed, added,
 * reordered or changed is named in one sentence, with where.
 */
public final class TimelineVerifier {

    /** The answer about one file, in one sentence that names the file. */
    public record Verdict(boolean intact, String sentence) {}

    private TimelineVerifier() {}

    public static Verdict verify(Path file) {
        TimelineFile timeline;
        try {
            timeline = TimelineFile.read(file);
        } catch (TimelineFile.Unreadable e) {
            return new Verdict(false, e.getMessage());
        }
        if (timeline.schemaVersion() == 1) {
            return new Verdict(
                    false,
                    file + " was exported before timelines were sealed (schema version 1), so it cannot show"
                            + " that no event is missing: export the incident again");
        }
        Optional<String> problem = problem(timeline);
        if (problem.isPresent()) return new Verdict(false, file + ": TAMPERED: " + problem.get());
        List<IncidentEvent> events = timeline.events();
        return new Verdict(
                true,
                file + ": intact" + (timeline.root().has("evidence") ? " evidence pack" : "") + ", " + events.size()
                        + " events of " + timeline.incidentId()
                        + ", sealed with head hash " + events.getLast().hash());
    }

    private static Optional<String> problem(TimelineFile timeline) {
        JsonNode sealNode = timeline.seal();
        if (!sealNode.isObject()) {
            return Optional.of(
                    "it has no seal, so nothing shows that its newest events are all there: its end was cut or rewritten");
        }
        Optional<String> missing = TimelineSeal.missingField(sealNode);
        if (missing.isPresent())
            return Optional.of("its seal has no valid " + missing.get() + ": the seal was changed");
        List<IncidentEvent> events = timeline.events();
        if (events.isEmpty()) {
            return Optional.of(
                    "it holds no events, though every incident begins with its declaration: its events were removed");
        }
        TimelineSeal seal = TimelineSeal.of(sealNode);
        if (!seal.incident().equals(timeline.incidentId())) {
            return Optional.of("its seal is for incident " + seal.incident() + " but the file is of incident "
                    + timeline.incidentId());
        }
        return chainProblem(events)
                .or(() -> sealProblem(events, seal))
                .or(() -> headerProblem(timeline.root(), seal))
                .or(() -> digestProblem(timeline, seal))
                .or(() -> evidenceProblem(timeline.root(), seal));
    }

    /** The first event, in file order, that is out of place, changed or not chained to the one before. */
    private static Optional<String> chainProblem(List<IncidentEvent> events) {
        int count = events.size();
        String previous = HashChain.GENESIS;
        for (int place = 1; place <= count; place++) {
            IncidentEvent event = events.get(place - 1);
            if (event.sequence() != place) return Optional.of(outOfPlace(events, place, event.sequence()));
            if (!HashChain.hashOf(event).equals(event.hash())) {
                return Optional.of(
                        "event " + place + " of " + count + " was changed: its hash does not match its fields");
            }
            if (!event.previousHash().equals(previous)) {
                return Optional.of(
                        place == 1
                                ? "event 1 of " + count
                                        + " does not start the chain (its previous hash is not 64 zeros): events before it were removed"
                                : "event " + place + " of " + count + " is not chained to event " + (place - 1)
                                        + ": one of them was replaced");
            }
            previous = event.hash();
        }
        return Optional.empty();
    }

    /** Events 1 to place-1 stand in order; at this place stands another. */
    private static String outOfPlace(List<IncidentEvent> events, int place, long found) {
        if (found < place)
            return "event " + found + " appears again after event " + (place - 1) + ": an event was added";
        if (events.stream().anyMatch(e -> e.sequence() == place)) {
            return "event " + found + " comes before event " + place + ": the events were reordered";
        }
        if (place == 1) return "the timeline starts at event " + found + ": " + span(1, found - 1, "removed");
        return "event " + found + " follows event " + (place - 1) + ": " + span(place, found - 1, "removed");
    }

    private static Optional<String> sealProblem(List<IncidentEvent> events, TimelineSeal seal) {
        int count = events.size();
        if (!seal.headHash().equals(events.getLast().hash())) {
            int sealedHead = IntStream.range(0, count)
                            .filter(i -> events.get(i).hash().equals(seal.headHash()))
                            .findFirst()
                            .orElse(-1)
                    + 1;
            if (sealedHead > 0) {
                return Optional.of("the timeline holds " + count + " events but its seal ends at event " + sealedHead
                        + ": " + span(sealedHead + 1, count, "added after it was sealed"));
            }
            if (count < seal.eventCount()) {
                return Optional.of("the timeline ends at event " + count + " but its seal says " + seal.eventCount()
                        + " events: " + span(count + 1, seal.eventCount(), "removed"));
            }
            return Optional.of(
                    "its newest event, " + count + ", is not the head its seal names: its newest events were replaced");
        }
        if (seal.eventCount() != count) {
            return Optional.of("its seal says " + seal.eventCount() + " events but names event " + count
                    + ", the newest, as its head: the seal was changed");
        }
        if (!seal.firstHash().equals(events.getFirst().hash())) {
            return Optional.of("event 1 is not the first event its seal names: the start of the timeline was replaced");
        }
        return Optional.empty();
    }

    private static Optional<String> headerProblem(JsonNode root, TimelineSeal seal) {
        if (root.path("eventCount").canConvertToExactIntegral()
                && root.path("eventCount").asLong() == seal.eventCount()
                && root.path("headHash").asText().equals(seal.headHash())) {
            return Optional.empty();
        }
        return Optional.of("the eventCount and headHash above its events differ from its seal's: they were changed");
    }

    private static Optional<String> digestProblem(TimelineFile timeline, TimelineSeal seal) {
        if (!CanonicalDigest.of(timeline.incident()).equals(seal.incidentDigest())) {
            return Optional.of(
                    "the incident's details at its top were changed after it was sealed: their digest is not the seal's");
        }
        CanonicalDigest events = new CanonicalDigest();
        timeline.eventNodes().forEach(events::add);
        if (!events.ofArray().equals(seal.eventsDigest())) {
            return Optional.of(
                    "its events were changed after it was sealed: each hash holds, but their digest is not the seal's");
        }
        return Optional.empty();
    }

    /** An evidence pack's findings are sealed with its events: neither can be changed, added or removed alone. */
    private static Optional<String> evidenceProblem(JsonNode root, TimelineSeal seal) {
        JsonNode evidence = root.path("evidence");
        if (evidence.isMissingNode()) {
            return seal.evidenceDigest() == null
                    ? Optional.empty()
                    : Optional.of("its seal covers an evidence section that is not there: the evidence was removed");
        }
        if (seal.evidenceDigest() == null) {
            return Optional.of(
                    "its evidence section is not covered by its seal: the evidence was added, or the seal changed");
        }
        if (!CanonicalDigest.of(evidence).equals(seal.evidenceDigest())) {
            return Optional.of(
                    "its evidence (figures, verdicts, gaps, participants) was changed after it was sealed: its digest is not the seal's");
        }
        if (!evidence.path("log").path("headHash").asText().equals(seal.headHash())) {
            return Optional.of("its evidence names another head hash than its seal: it was taken from another log");
        }
        return Optional.empty();
    }

    private static String span(long from, long to, String what) {
        return from == to ? "event " + from + " was " + what : "events " + from + " to " + to + " were " + what;
    }
}
