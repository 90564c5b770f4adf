package dev.drpilot.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Events of one incident chained onto a store's tail, as a writer makes them, for the tests of the
 * stores themselves: the first is the incident's declaration, the others are notes.
 */
public final class ChainedNotes {

    /** {@code count} notes that follow {@code tail}, each chained onto the one before it. */
    public static List<IncidentEvent> after(EventStore.Tail tail, String incidentId, int count, String text) {
        List<IncidentEvent> events = new ArrayList<>();
        long sequence = tail.sequence();
        String previous = tail.hash();
        for (int i = 0; i < count; i++) {
            sequence++;
            IncidentEvent event = sequence == 1
                    ? declaration(incidentId, previous)
                    : note(incidentId, sequence, previous, text + " " + sequence);
            events.add(event);
            previous = event.hash();
        }
        return events;
    }

    static IncidentEvent note(String incidentId, long sequence, String previousHash, String text) {
        return hashed(incidentId, sequence, previousHash, new EventData.Note(text));
    }

    /** An incident's first event: it declares the incident. */
    private static IncidentEvent declaration(String incidentId, String previousHash) {
        return hashed(
                incidentId,
                1,
                previousHash,
                new EventData.Declared(
                        Map.of("dbInstance", "druid-metadata"),
                        null,
                        "druid-rds-corruption",
                        "Metadata DB corrupted",
                        IncidentMode.LIVE.name(),
                        "SEV2",
                        "tester",
                        null));
    }

    private static IncidentEvent hashed(String incidentId, long sequence, String previousHash, EventData data) {
        IncidentEvent unhashed = new IncidentEvent(
                incidentId,
                sequence,
                Instant.ofEpochMilli(1_764_000_000_000L + sequence),
                data.kind(),
                "tester",
                null,
                EventCodec.tree(data).toString(),
                null,
                null,
                previousHash,
                "");
        return withHash(unhashed, HashChain.hashOf(unhashed));
    }

    static IncidentEvent withHash(IncidentEvent e, String hash) {
        return new IncidentEvent(
                e.incidentId(),
                e.sequence(),
                e.time(),
                e.kind(),
                e.actor(),
                e.stepId(),
                e.payload(),
                e.corrects(),
                e.occurredAt(),
                e.previousHash(),
                hash);
    }

    private ChainedNotes() {}
}
