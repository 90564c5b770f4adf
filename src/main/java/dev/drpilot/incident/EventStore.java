package dev.drpilot.incident;

import java.util.List;

/**
 * Where an incident log keeps its events: append-only, each incident's events chained by hash
 * ({@link HashChain}). The laptop's H2 file ({@link H2EventStore}) is the first; the team log's
 * PostgreSQL store is meant to be the second. Every store passes the same contract tests
 * ({@code EventStoreContract} in the tests): what is appended is read back as it was, a store
 * refuses an event that does not follow its incident's newest one, and what {@link #append}
 * returned from survives the process.
 */
public interface EventStore extends AutoCloseable {

    /**
     * Appends events, in one transaction, durable when this returns. Each incident's first event
     * here follows that incident's {@link #tail}, and each later one the event before it: else
     * nothing is appended.
     *
     * @throws ChainConflictException when another writer appended first (read the tail again and rebuild the events)
     * @throws EventStoreException when the store could not take them
     */
    void append(List<IncidentEvent> events);

    /** An incident's events after a sequence number (0 for all), in order. */
    List<IncidentEvent> events(String incidentId, long afterSequence);

    /** At most {@code limit} of an incident's events after {@code afterSequence} up to {@code upToSequence}, in order. */
    List<IncidentEvent> page(String incidentId, long afterSequence, long upToSequence, int limit);

    /** An incident's newest event: where the next one is chained. */
    Tail tail(String incidentId);

    @Override
    void close();

    /** An incident's newest event: its sequence and hash (0 and the genesis hash before the first). */
    record Tail(long sequence, String hash) {

        public static final Tail NONE = new Tail(0, HashChain.GENESIS);

        /** Whether {@code event} is the next one after this. */
        public boolean followedBy(IncidentEvent event) {
            return event.sequence() == sequence + 1 && hash.equals(event.previousHash());
        }
    }
}
