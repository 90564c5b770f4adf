package dev.drpilot.incident;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of an incident log in an embedded H2 file (the {@code events} table of the
 * migrations). An append is one transaction, committed and then synced to disk (H2 writes a
 * commit with WRITE_DELAY=0, but leaves it in the OS's cache) before it returns, whether it holds
 * one event or a page of them. Every read and write runs on the log's one {@link LogThread}.
 * Another process on the same file (AUTO_SERVER) that appended first shows as a key conflict.
 * An incident's events begin with its declaration, which makes its row in the {@code incidents}
 * table in the same transaction.
 */
public final class H2EventStore implements EventStore {

    /** Work on the database that commits with an append, after its events (the incidents' rows a merge brings). */
    interface SqlWork<T> {
        T on(Connection connection) throws SQLException;
    }

    private static final SqlWork<Void> NOTHING = connection -> null;

    private final Connection connection;
    private final EventRowsInsert eventRows;
    private final LogThread thread;
    private final boolean ownsThread;
    /** The newest event of each incident this store appended or read the tail of; dropped when an append fails. */
    private final Map<String, Tail> tails = new HashMap<>();

    H2EventStore(Connection connection, LogThread thread) {
        this(connection, thread, false);
    }

    private H2EventStore(Connection connection, LogThread thread, boolean ownsThread) {
        this.connection = connection;
        this.eventRows = new EventRowsInsert(connection);
        this.thread = thread;
        this.ownsThread = ownsThread;
    }

    /**
     * The events of the log at {@code file} (an H2 path without its {@code .mv.db} ending), created
     * and migrated when needed, alone: no head file, no inspection, no incidents' rows ({@link
     * IncidentLogStore#open} is the log with all of them).
     */
    public static H2EventStore open(Path file) {
        try {
            return new H2EventStore(LogOpening.migrated(file), new LogThread(), true);
        } catch (SQLException e) {
            throw new EventStoreException(false, e);
        }
    }

    @Override
    public void append(List<IncidentEvent> events) {
        append(events, NOTHING);
    }

    /** Appends events, each checked to hold the hash of its content, and does {@code rows} in the same transaction. */
    void append(List<IncidentEvent> events, SqlWork<?> rows) {
        append(events, rows, true);
    }

    /**
     * Appends events that this process's {@link EventWriter} hashed from their content a moment ago, and does {@code
     * rows} in the same transaction: each must still follow its incident's newest event, but its hash is not computed
     * a second time (it was half the hashing of a page of events).
     */
    void appendHashedHere(List<IncidentEvent> events, SqlWork<?> rows) {
        append(events, rows, false);
    }

    private void append(List<IncidentEvent> events, SqlWork<?> rows, boolean checkHashes) {
        thread.run(() -> {
            Map<String, Tail> newest = inOneTransaction(events, rows, checkHashes);
            tails.putAll(newest);
            try {
                sync(connection);
            } catch (SQLException e) {
                tails.keySet().removeAll(newest.keySet());
                throw new EventStoreException(true, e);
            }
            return null;
        });
    }

    private Map<String, Tail> inOneTransaction(List<IncidentEvent> events, SqlWork<?> rows, boolean checkHashes) {
        Map<String, Tail> newest = new LinkedHashMap<>();
        MessageDigest sha256 = checkHashes ? HashChain.sha256() : null;
        try {
            connection.setAutoCommit(false);
            try {
                for (IncidentEvent event : events) {
                    Tail tail = newest.containsKey(event.incidentId())
                            ? newest.get(event.incidentId())
                            : tail(event.incidentId());
                    if (checkHashes && !HashChain.hashOf(sha256, event).equals(event.hash())) {
                        throw new IllegalArgumentException("event " + event.sequence() + " of " + event.incidentId()
                                + " does not hold the hash of its content");
                    }
                    if (!tail.followedBy(event))
                        throw new ChainConflictException(event.incidentId(), event.sequence(), null);
                    if (event.sequence() == 1 && event.kind() != EventKind.INCIDENT_DECLARED) {
                        throw new IllegalArgumentException("the first event of " + event.incidentId()
                                + " must declare it (it is " + event.kind() + ")");
                    }
                    newest.put(event.incidentId(), new Tail(event.sequence(), event.hash()));
                }
                insert(events);
                rows.on(connection);
                connection.commit();
                return newest;
            } catch (SQLException | RuntimeException e) {
                events.forEach(event -> tails.remove(event.incidentId()));
                rollback(e);
                if (e instanceof SQLException sql && "23505".equals(sql.getSQLState()) && !events.isEmpty()) {
                    throw new ChainConflictException(
                            events.getFirst().incidentId(), events.getFirst().sequence(), e);
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new EventStoreException(false, e);
        }
    }

    /** Each declaration's incident row first (an event never names an incident the log has no row of), then the events. */
    private void insert(List<IncidentEvent> events) throws SQLException {
        for (IncidentEvent event : events) {
            if (event.kind() == EventKind.INCIDENT_DECLARED)
                IncidentRows.insert(connection, IncidentRows.declaredBy(event));
        }
        eventRows.insert(events);
    }

    private void rollback(Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public List<IncidentEvent> events(String incidentId, long afterSequence) {
        return page(incidentId, afterSequence, Long.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** Ordered by both key columns so that H2 walks the primary key instead of sorting every later event. */
    @Override
    public List<IncidentEvent> page(String incidentId, long afterSequence, long upToSequence, int limit) {
        return thread.run(() -> {
            List<IncidentEvent> events = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT sequence, time_ms, kind, actor, step_id, payload, corrects, occurred_at, previous_hash, hash"
                            + " FROM events WHERE incident_id = ? AND sequence > ? AND sequence <= ? ORDER BY incident_id, sequence LIMIT ?")) {
                select.setString(1, incidentId);
                select.setLong(2, afterSequence);
                select.setLong(3, upToSequence);
                select.setInt(4, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        events.add(new IncidentEvent(
                                incidentId,
                                rs.getLong(1),
                                Instant.ofEpochMilli(rs.getLong(2)),
                                EventKind.valueOf(rs.getString(3)),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                SqlValues.nullableLong(rs, 7),
                                SqlValues.instant(rs, 8),
                                rs.getString(9),
                                rs.getString(10)));
                    }
                }
            } catch (SQLException e) {
                throw new EventStoreException(false, e);
            }
            return events;
        });
    }

    @Override
    public Tail tail(String incidentId) {
        return thread.run(() -> {
            Tail known = tails.get(incidentId);
            if (known != null) return known;
            try (PreparedStatement max =
                    connection.prepareStatement("SELECT MAX(sequence) FROM events WHERE incident_id = ?")) {
                max.setString(1, incidentId);
                long last;
                try (ResultSet rs = max.executeQuery()) {
                    rs.next();
                    last = rs.getLong(1);
                }
                Tail tail = last == 0 ? Tail.NONE : new Tail(last, hashAt(incidentId, last));
                tails.put(incidentId, tail);
                return tail;
            } catch (SQLException e) {
                throw new EventStoreException(false, e);
            }
        });
    }

    /** The hash of an incident's event, or null when the log does not hold it. */
    String hashAt(String incidentId, long sequence) throws SQLException {
        try (PreparedStatement hash =
                connection.prepareStatement("SELECT hash FROM events WHERE incident_id = ? AND sequence = ?")) {
            hash.setString(1, incidentId);
            hash.setLong(2, sequence);
            try (ResultSet rs = hash.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Makes what is committed durable: H2's commit stays in the OS's cache until this. */
    static void sync(Connection connection) throws SQLException {
        try (Statement checkpoint = connection.createStatement()) {
            checkpoint.execute("CHECKPOINT SYNC");
        }
    }

    /** The connection, for the log's other tables; used on the log's thread only. */
    Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            thread.run(() -> {
                try (connection) {
                    eventRows.close();
                } catch (SQLException e) {
                    throw new EventStoreException(false, e);
                }
                return null;
            });
        } finally {
            if (ownsThread) thread.shutdown();
        }
    }
}
