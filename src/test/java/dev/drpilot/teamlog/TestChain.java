package dev.drpilot.teamlog;

import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.HashChain;
import dev.drpilot.incident.IncidentEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Another laptop's chain of events on an incident declared elsewhere, hashed as its own log would
 * hash them: the local log cannot hold an incident declared on another laptop (such a laptop
 * writes to the team log only), so a second writer on one incident is written so.
 */
final class TestChain {

    private final String incidentId;
    private final String actor;
    private final List<IncidentEvent> events = new ArrayList<>();

    TestChain(String incidentId, String actor) {
        this.incidentId = incidentId;
        this.actor = actor;
    }

    /** The next note of this chain. */
    IncidentEvent note(String text) {
        long sequence = events.size() + 1;
        String previous =
                events.isEmpty() ? HashChain.GENESIS : events.getLast().hash();
        IncidentEvent unsigned = new IncidentEvent(
                incidentId,
                sequence,
                Instant.ofEpochMilli(System.currentTimeMillis()),
                EventKind.NOTE,
                actor,
                null,
                "{\"text\":\"" + text + "\"}",
                null,
                null,
                previous,
                null);
        IncidentEvent event = new IncidentEvent(
                incidentId,
                sequence,
                unsigned.time(),
                EventKind.NOTE,
                actor,
                null,
                unsigned.payload(),
                null,
                null,
                previous,
                HashChain.hashOf(unsigned));
        events.add(event);
        return event;
    }
}
