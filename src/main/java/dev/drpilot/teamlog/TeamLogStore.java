package dev.drpilot.teamlog;

import dev.drpilot.incident.ChainConflictException;
import dev.drpilot.incident.EventStore;
import dev.drpilot.incident.HashChain;
import dev.drpilot.incident.IncidentEvent;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The team log in PostgreSQL: every responder's events of an incident, stored once each (by event
 * id), each laptop's without gaps and in its order, and numbered by the server in one merged order
 * that every laptop reads the same. A store connects when first used and again after a failure, so
 * it can be made while the team log is unreachable.
 */
public final class TeamLogStore implements AutoCloseable {

    /** The channel a store notifies, with the incident's id, when it has stored new events. */
    static final String CHANNEL = "drpilot_team_log";
    /**
     * Taken by every append until it commits: a merged-order number is then always committed before
     * the next one is drawn, so a reader that asks for "after N" never misses a smaller number that
     * commits later.
     */
    private static final long MERGE_LOCK = 0x6472_7069_6c6f_74L;

    private final TeamLogDatabase database;
    private Connection connection;
    private boolean migrated;

    public TeamLogStore(TeamLogDatabase database) {
        this.database = database;
    }

    public TeamLogDatabase database() {
        return database;
    }

    /**
     * Stores one laptop's events of one incident, in their order, in one transaction; events
     * already there (a second push) are skipped.
     *
     * @return how many were new
     * @throws TeamLogException when the team log cannot be reached, or the events do not continue what it holds of this
     *     laptop, or are not a chain (the laptop's log was changed)
     */
    public int append(Writer writer, List<IncidentEvent> events) {
        return append(writer, events, c -> null);
    }

    /** Stores events as {@link #append(Writer, List)} does, and makes {@code alongside}'s changes in the same transaction. */
    synchronized int append(Writer writer, List<IncidentEvent> events, SqlWork<?> alongside) {
        if (events.isEmpty()) return 0;
        String incidentId = events.getFirst().incidentId();
        refuseWhatIsNoChain(writer, events);
        return stored(
                writer,
                events,
                held -> {
                    refuseWhatDoesNotFollow(writer, events, held);
                    return true;
                },
                duplicate -> notTheLogThatWroteThem(writer, incidentId, duplicate),
                alongside);
    }

    /**
     * Stores one laptop's events of one incident, in one transaction, only when the first follows the
     * last one the team log holds of that laptop and each the one before it: what an {@link
     * dev.drpilot.incident.EventStore} promises ({@link TeamLogEventStore}). Events whose last one is
     * already the laptop's newest were stored by an earlier try whose answer was lost: that is done.
     *
     * @throws ChainConflictException when they do not follow (another writer of this laptop appended first)
     * @throws IllegalArgumentException when an event's hash is not the hash of its content
     * @throws TeamLogException when the team log cannot be reached or refuses them
     */
    public synchronized void appendNext(Writer writer, List<IncidentEvent> events) {
        if (events.isEmpty()) return;
        for (IncidentEvent event : events) {
            if (!HashChain.hashOf(event).equals(event.hash())) {
                throw new IllegalArgumentException("event " + event.sequence() + " of " + event.incidentId()
                        + " does not hold the hash of its content");
            }
            if (!event.incidentId().equals(events.getFirst().incidentId())) {
                throw new IllegalArgumentException("one append holds the events of one incident");
            }
        }
        IncidentEvent last = events.getLast();
        stored(
                writer,
                events,
                held -> {
                    if (held.sequence() == last.sequence() && held.hash().equals(last.hash())) return false;
                    EventStore.Tail tail = new EventStore.Tail(held.sequence(), held.hash());
                    for (IncidentEvent event : events) {
                        if (!tail.followedBy(event)) {
                            throw new ChainConflictException(event.incidentId(), event.sequence(), null);
                        }
                        tail = new EventStore.Tail(event.sequence(), event.hash());
                    }
                    return true;
                },
                duplicate -> new ChainConflictException(
                        last.incidentId(), events.getFirst().sequence(), duplicate),
                c -> null);
    }

    /** Whether to store the events, given what the team log holds of their laptop (false: they are there). */
    private interface Admission {
        boolean admit(Acknowledged held);
    }

    /** One append's transaction, under the merge lock: admitted, inserted, {@code alongside} done, notified, committed. */
    private int stored(
            Writer writer,
            List<IncidentEvent> events,
            Admission admission,
            Function<SQLException, RuntimeException> duplicate,
            SqlWork<?> alongside) {
        String incidentId = events.getFirst().incidentId();
        return work("could not store events", c -> {
            c.setAutoCommit(false);
            try {
                try (Statement lock = c.createStatement()) {
                    // a laptop that vanished inside its append holds the lock until its session times out
                    // (TeamLogDatabase)
                    lock.execute("SET LOCAL lock_timeout = '15s'");
                    lock.execute("SELECT pg_advisory_xact_lock(" + MERGE_LOCK + ")");
                }
                if (!admission.admit(acknowledged(c, incidentId, writer.laptop()))) {
                    c.rollback();
                    return 0;
                }
                int stored = 0;
                try (PreparedStatement insert = TeamEventRows.inserts(c, writer, events)) {
                    for (int count : insert.executeBatch()) stored += count;
                }
                if (stored < events.size()) refuseWhatAnotherLaptopHolds(c, writer, events);
                alongside.on(c);
                if (stored > 0) {
                    try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                        notify.setString(1, CHANNEL);
                        notify.setString(2, incidentId);
                        notify.execute();
                    }
                }
                c.commit();
                return stored;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                if (e instanceof SQLException sql && isDuplicate(sql)) throw duplicate.apply(sql);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /**
     * Events the laptop's numbers do not hold yet, but the team log does (by id) under another
     * laptop's: this log is a copy of that laptop's, whose events would be skipped and leave a gap.
     */
    private void refuseWhatAnotherLaptopHolds(Connection c, Writer writer, List<IncidentEvent> events)
            throws SQLException {
        IncidentEvent first = events.getFirst();
        try (PreparedStatement held = c.prepareStatement("SELECT writer_sequence, laptop_id FROM team_events"
                + " WHERE event_id = ANY (?) AND laptop_id <> ? ORDER BY writer_sequence LIMIT 1")) {
            held.setArray(
                    1,
                    c.createArrayOf(
                            "bpchar", events.stream().map(IncidentEvent::hash).toArray()));
            held.setString(2, writer.laptop());
            try (ResultSet rs = held.executeQuery()) {
                if (!rs.next()) return;
                throw TeamLogException.refused(
                        "The team log at " + database.where() + " already holds event " + rs.getLong(1) + " of "
                                + first.incidentId() + " from laptop " + rs.getString(2)
                                + ": this log is a copy of that laptop's, so share it under that laptop's id.",
                        null);
            }
        }
    }

    /** A unique key was violated: by the statement, or by one statement of a batch. */
    private static boolean isDuplicate(SQLException e) {
        return "23505".equals(e.getSQLState())
                || (e instanceof BatchUpdateException batch
                        && batch.getNextException() != null
                        && "23505".equals(batch.getNextException().getSQLState()));
    }

    /**
     * Refuses events that are not one laptop's chain: each one must hold the hash of its content and
     * of the one before it (a laptop's log changed after it was written is kept out of the team log).
     */
    private void refuseWhatIsNoChain(Writer writer, List<IncidentEvent> events) {
        IncidentEvent before = null;
        for (IncidentEvent event : events) {
            String wrong = !HashChain.hashOf(event).equals(event.hash())
                    ? " was changed after it was written"
                    : before != null && !event.previousHash().equals(before.hash())
                            ? " does not follow event " + before.sequence()
                            : null;
            if (wrong != null) {
                throw TeamLogException.refused(
                        "Event " + event.sequence() + " of " + event.incidentId() + " on laptop " + writer.laptop()
                                + wrong + ": check this laptop's log with `drpilot verify "
                                + event.incidentId() + "`.",
                        null);
            }
            before = event;
        }
    }

    /**
     * Refuses events that would leave a gap in the laptop's numbers, or whose first new one does not
     * follow the last one the team log holds (a copy of the laptop's log that went its own way).
     */
    private void refuseWhatDoesNotFollow(Writer writer, List<IncidentEvent> events, Acknowledged held) {
        IncidentEvent first = events.getFirst();
        long expected = first.sequence();
        for (IncidentEvent event : events) {
            if (!event.incidentId().equals(first.incidentId())) {
                throw new IllegalArgumentException("one append holds the events of one incident");
            }
            if (event.sequence() != expected++) {
                throw new IllegalArgumentException("the events of one append follow each other without gaps");
            }
        }
        if (first.sequence() > held.sequence() + 1) {
            throw TeamLogException.refused(
                    "The team log at " + database.where() + " holds " + held.sequence() + " events of "
                            + first.incidentId() + " from laptop " + writer.laptop() + ", and event " + first.sequence()
                            + " would leave a gap: send from event " + (held.sequence() + 1) + ".",
                    null);
        }
        if (first.sequence() == held.sequence() + 1 && !first.previousHash().equals(held.hash())) {
            throw notTheLogThatWroteThem(writer, first.incidentId(), null);
        }
    }

    private TeamLogException notTheLogThatWroteThem(Writer writer, String incidentId, Throwable cause) {
        return TeamLogException.refused(
                "The team log at " + database.where() + " already holds other events of " + incidentId
                        + " under the numbers of laptop " + writer.laptop()
                        + ": this is not the log that wrote them, so give this"
                        + " laptop another id.",
                cause);
    }

    /** Connects (bringing the tables up to date) and says what it reached: "PostgreSQL 15.14, TLS on". */
    public synchronized String check() {
        return work("cannot be reached", c -> {
            try (Statement query = c.createStatement();
                    ResultSet rs = query.executeQuery("SELECT current_setting('server_version'),"
                            + " (SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid())")) {
                rs.next();
                return "PostgreSQL " + rs.getString(1).split(" ")[0] + ", TLS " + (rs.getBoolean(2) ? "on" : "off");
            }
        });
    }

    /**
     * How far the team log holds a laptop's events of an incident: everything up to {@code sequence},
     * the last of which has {@code hash} (0 and the genesis hash for none).
     */
    public record Acknowledged(long sequence, String hash) {}

    /** How far the team log holds a laptop's events of an incident. */
    public synchronized Acknowledged acknowledged(String incidentId, String laptop) {
        return work("could not be read", c -> acknowledged(c, incidentId, laptop));
    }

    private static Acknowledged acknowledged(Connection c, String incidentId, String laptop) throws SQLException {
        try (PreparedStatement last = c.prepareStatement("SELECT writer_sequence, hash FROM team_events"
                + " WHERE incident_id = ? AND laptop_id = ? ORDER BY writer_sequence DESC LIMIT 1")) {
            last.setString(1, incidentId);
            last.setString(2, laptop);
            try (ResultSet rs = last.executeQuery()) {
                return rs.next()
                        ? new Acknowledged(rs.getLong(1), rs.getString(2))
                        : new Acknowledged(0, HashChain.GENESIS);
            }
        }
    }

    /** An incident's events from every laptop, in merged order. */
    public List<TeamEvent> events(String incidentId) {
        return eventsAfter(incidentId, 0);
    }

    /** An incident's events after a merged order, in merged order. */
    public synchronized List<TeamEvent> eventsAfter(String incidentId, long mergedOrder) {
        return work("could not be read", c -> TeamEventRows.after(c, incidentId, mergedOrder));
    }

    /** Stores a request for a second person's approval, where every responder's `drpilot approve` finds it. */
    public synchronized void requestApproval(Approval request) {
        work("could not store the approval request", c -> {
            ApprovalRows.insert(c, request);
            return null;
        });
    }

    /**
     * Takes the lease of an incident's step for {@code writer}'s laptop, for {@code ttl} from now by
     * the server's clock, when no other laptop holds it (or its lease expired).
     *
     * @return who holds it now: this writer when it was taken, else the holder that kept it
     * @throws TeamLogException when the team log cannot be reached or refuses
     */
    public synchronized LeaseHolder acquireLease(Writer writer, String incidentId, String stepId, Duration ttl) {
        return work("could not say who runs " + stepId, c -> {
            LeaseHolder holder = null;
            for (int attempt = 0; holder == null && attempt < 3; attempt++) {
                holder = StepLeaseRows.acquire(c, writer, incidentId, stepId, ttl);
            }
            if (holder == null) throw new SQLException("the lease of " + stepId + " kept changing hands", "40001");
            return holder;
        });
    }

    /**
     * Keeps {@code writer}'s lease of the step for {@code ttl} from now.
     *
     * @return false when it holds it no more (it expired and another laptop took it)
     */
    public synchronized boolean renewLease(Writer writer, String incidentId, String stepId, Duration ttl) {
        return work(
                "could not keep the lease of " + stepId, c -> StepLeaseRows.renew(c, writer, incidentId, stepId, ttl));
    }

    /**
     * Ends {@code writer}'s lease of the step: after a success it stays with this laptop for good (no
     * one runs the step again); otherwise the next laptop may take it at once.
     */
    public synchronized void releaseLease(Writer writer, String incidentId, String stepId, boolean succeeded) {
        work("could not release the lease of " + stepId, c -> {
            StepLeaseRows.release(c, writer, incidentId, stepId, succeeded);
            return null;
        });
    }

    /** The request as the team log holds it now, with its decision once there is one. */
    public synchronized Optional<Approval> approval(String requestId) {
        return work("could not be read", c -> ApprovalRows.byId(c, requestId));
    }

    /** The newest request for the step's approval, decided or not. */
    public synchronized Optional<Approval> newestApproval(String incidentId, String stepId) {
        return work("could not be read", c -> ApprovalRows.newest(c, incidentId, stepId));
    }

    /**
     * Decides a request: approved or refused by {@code decidedBy}, with a reason.
     *
     * @throws TeamLogException refused, in one sentence, when {@code decidedBy} made the request (the database's constraint
     *     says so too), or it was decided already
     */
    public synchronized void decideApproval(String requestId, String decidedBy, boolean approved, String reason) {
        boolean decided = work("could not store the decision", c -> {
            try {
                return ApprovalRows.decide(c, requestId, decidedBy, approved, reason);
            } catch (SQLException e) {
                if ("23514".equals(e.getSQLState())
                        && String.valueOf(e.getMessage()).contains("approvals_second_person")) {
                    throw TeamLogException.refused(
                            decidedBy + " asked for this approval and cannot decide it: a second person must.", e);
                }
                throw e;
            }
        });
        if (!decided) {
            throw TeamLogException.refused(
                    "The team log at " + database.where() + " holds no undecided approval request " + requestId
                            + ": it was decided already, or never made.",
                    null);
        }
    }

    /**
     * At most {@code limit} of one laptop's events of an incident after {@code afterSequence} up to
     * {@code upToSequence}, in that laptop's order.
     */
    public synchronized List<IncidentEvent> laptopEvents(
            String incidentId, String laptop, long afterSequence, long upToSequence, int limit) {
        return work(
                "could not be read",
                c -> TeamEventRows.ofLaptop(c, incidentId, laptop, afterSequence, upToSequence, limit).stream()
                        .map(TeamEvent::event)
                        .toList());
    }

    /** Checks every laptop's chain of the incident, read in merged order. */
    public TeamLogVerification verify(String incidentId) {
        return TeamLogVerification.of(incidentId, events(incidentId));
    }

    interface SqlWork<T> {
        T on(Connection connection) throws SQLException;
    }

    /**
     * Runs work on the store's connection. A connection kept from before may have been cut since
     * (the server restarted): when work fails on one, it is tried once more on a new connection,
     * which says whether the team log is really unreachable. Each work may be repeated: an append is.
     */
    synchronized <T> T work(String what, SqlWork<T> work) {
        boolean kept = connection != null;
        try {
            return attempt(work);
        } catch (SQLException e) {
            disconnect();
            if (!kept) throw database.problem(what, e);
        } catch (TeamLogException e) {
            disconnect();
            throw e;
        }
        try {
            return attempt(work);
        } catch (SQLException e) {
            disconnect();
            throw database.problem(what, e);
        } catch (TeamLogException e) {
            disconnect();
            throw e;
        }
    }

    private <T> T attempt(SqlWork<T> work) throws SQLException {
        if (connection == null) {
            connection = database.connect();
            if (!migrated) {
                database.migrate();
                migrated = true;
            }
        }
        return work.on(connection);
    }

    private static void rollback(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private void disconnect() {
        if (connection == null) return;
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is being dropped because it failed: its close may fail too, and changes nothing
        }
        connection = null;
    }

    @Override
    public synchronized void close() {
        disconnect();
    }
}
