package dev.drpilot.teamlog;

import dev.drpilot.incident.ChainConflictException;
import dev.drpilot.incident.EventStore;
import dev.drpilot.incident.EventStoreException;
import dev.drpilot.incident.IncidentEvent;
import java.util.List;
import java.util.function.Supplier;

/**
 * The team log as one laptop's {@link EventStore}: what it appends is that laptop's chain of each
 * incident, and what it reads is that laptop's events only, in its own order. It passes the same
 * contract as the laptop's H2 file ({@code EventStoreContract}). A conflict on the laptop's numbers
 * or chain (another writer under the same laptop id appended first) is a {@link
 * ChainConflictException}; a team log that cannot be reached, or refuses, an {@link
 * EventStoreException} in its words.
 */
public final class TeamLogEventStore implements EventStore {

    private final TeamLogStore team;
    private final Writer writer;

    /** A view of {@code team} for {@code writer}'s laptop; closing it closes {@code team}. */
    public TeamLogEventStore(TeamLogStore team, Writer writer) {
        this.team = team;
        this.writer = writer;
    }

    @Override
    public void append(List<IncidentEvent> events) {
        try {
            team.appendNext(writer, events);
        } catch (TeamLogException e) {
            // the answer to a commit can be lost with the connection: the events may be there
            throw new EventStoreException(e.unreachable(), e);
        }
    }

    @Override
    public List<IncidentEvent> events(String incidentId, long afterSequence) {
        return page(incidentId, afterSequence, Long.MAX_VALUE, Integer.MAX_VALUE);
    }

    @Override
    public List<IncidentEvent> page(String incidentId, long afterSequence, long upToSequence, int limit) {
        return read(() -> team.laptopEvents(incidentId, writer.laptop(), afterSequence, upToSequence, limit));
    }

    @Override
    public Tail tail(String incidentId) {
        return read(() -> {
            TeamLogStore.Acknowledged held = team.acknowledged(incidentId, writer.laptop());
            return new Tail(held.sequence(), held.hash());
        });
    }

    private static <T> T read(Supplier<T> reading) {
        try {
            return reading.get();
        } catch (TeamLogException e) {
            throw new EventStoreException(false, e);
        }
    }

    @Override
    public void close() {
        team.close();
    }
}
