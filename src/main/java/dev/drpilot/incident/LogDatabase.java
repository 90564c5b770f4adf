package dev.drpilot.incident;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The incident log's database where it is now ({@link LogPlace}, which moves when the log goes on in another folder), and
 * the reads and work done on it: work on a connection on the log's one {@link LogThread}, events read whole or a page at
 * a time. A failure reaches the caller as an {@link IncidentLogUnavailableException} naming the database.
 */
final class LogDatabase {

    /** How many events {@link #forEachEvent} reads at a time. */
    private static final int PAGE = 1_000;

    private final LogThread thread;
    private volatile LogPlace place;

    LogDatabase(LogThread thread, LogPlace place) {
        this.thread = thread;
        this.place = place;
    }

    LogPlace place() {
        return place;
    }

    /** From now on every read and write goes to {@code moved} (the log went on in another folder). */
    void moveTo(LogPlace moved) {
        place = moved;
    }

    /** Some work on the database, on the log's thread. */
    <T> T withConnection(String what, H2EventStore.SqlWork<T> work) {
        return thread.run(() -> {
            try {
                return work.on(place.store().connection());
            } catch (SQLException e) {
                throw new IncidentLogUnavailableException(
                        "Could not " + what + " in " + place.database() + ": " + e.getMessage(), e);
            }
        });
    }

    /** Events after a sequence number, for readers that follow the log as it grows. */
    List<IncidentEvent> events(String incidentId, long afterSequence) {
        try {
            return place.store().events(incidentId, afterSequence);
        } catch (EventStoreException e) {
            throw unreadable(e);
        }
    }

    /**
     * The events after {@code afterSequence} up to {@code upToSequence}, in order, read {@link #PAGE}
     * at a time, so that an incident of any size passes through in bounded memory (the exports).
     * Each page is handed to {@code each} on the caller's thread, so appends are not held up while
     * the caller writes.
     */
    void forEachEvent(String incidentId, long afterSequence, long upToSequence, Consumer<IncidentEvent> each) {
        long after = afterSequence;
        while (after < upToSequence) {
            List<IncidentEvent> page;
            try {
                page = place.store().page(incidentId, after, upToSequence, PAGE);
            } catch (EventStoreException e) {
                throw unreadable(e);
            }
            page.forEach(each);
            if (page.size() < PAGE) return;
            after = page.getLast().sequence();
        }
    }

    private IncidentLogUnavailableException unreadable(EventStoreException e) {
        return new IncidentLogUnavailableException(
                "Could not read the incident log in " + place.database() + ": " + e.getMessage(), e);
    }
}
