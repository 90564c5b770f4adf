package dev.drpilot.teamlog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one incident in the team log: it listens for the stores' notifications on a connection
 * of its own, and on each one (and on every (re)connection, and now and then in case one was
 * missed) reads the events after the last merged order it has seen. Events of other laptops go to
 * the callback, once each and in merged order; a lost connection is made again until it is closed.
 */
public final class TeamLogListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TeamLogListener.class);
    /** How long one wait for a notification lasts: also how soon a close is noticed. */
    private static final int WAIT_MILLIS = 250;
    /** How often it reads without a notification: a safety net, not the way events arrive. */
    private static final long READ_ANYWAY_MILLIS = 5_000;

    private static final long RECONNECT_MILLIS = 1_000;

    private final TeamLogDatabase database;
    private final String incidentId;
    private final String ownLaptop;
    private final Consumer<TeamEvent> onEvent;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile long lastSeen;
    private volatile boolean connected;

    private TeamLogListener(
            TeamLogDatabase database, String incidentId, String ownLaptop, long after, Consumer<TeamEvent> onEvent) {
        this.database = database;
        this.incidentId = incidentId;
        this.ownLaptop = ownLaptop;
        this.lastSeen = after;
        this.onEvent = onEvent;
    }

    /**
     * Starts following an incident on {@code runner} (which it holds until closed), from after
     * {@code afterMergedOrder} (0 for its first event).
     *
     * @param ownLaptop the laptop whose events are not delivered (this one's: its log has them, and its responder chain's)
     */
    public static TeamLogListener start(
            TeamLogDatabase database,
            String incidentId,
            String ownLaptop,
            long afterMergedOrder,
            Consumer<TeamEvent> onEvent,
            Executor runner) {
        TeamLogListener listener = new TeamLogListener(database, incidentId, ownLaptop, afterMergedOrder, onEvent);
        runner.execute(listener::run);
        return listener;
    }

    /** The last merged order read: a listener started again from here misses nothing. */
    public long lastSeen() {
        return lastSeen;
    }

    /** Whether it is connected and listening now. */
    public boolean connected() {
        return connected;
    }

    private void run() {
        try {
            while (closing.getCount() > 0) {
                try (Connection connection = database.connect()) {
                    listen(connection);
                } catch (SQLException
                        | RuntimeException e) { // a row this version cannot read is tried again too, never skipped
                    // said once when the connection is lost; the attempts to reconnect after it are quiet
                    if (connected) LOG.warn("Team log listener for {}: {}", incidentId, e.getMessage());
                    else LOG.debug("Team log listener for {}: {}", incidentId, e.getMessage());
                } finally {
                    connected = false;
                }
                closing.await(RECONNECT_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ended.countDown();
        }
    }

    private void listen(Connection connection) throws SQLException {
        try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN " + TeamLogStore.CHANNEL);
        }
        connected = true;
        PGConnection notifications = connection.unwrap(PGConnection.class);
        readNew(connection); // after LISTEN: whatever is stored from now on also notifies
        long lastRead = System.nanoTime();
        while (closing.getCount() > 0) {
            PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
            boolean ours =
                    received != null && Arrays.stream(received).anyMatch(n -> incidentId.equals(n.getParameter()));
            if (ours || System.nanoTime() - lastRead > READ_ANYWAY_MILLIS * 1_000_000) {
                readNew(connection);
                lastRead = System.nanoTime();
            }
        }
    }

    private void readNew(Connection connection) throws SQLException {
        for (TeamEvent event : TeamEventRows.after(connection, incidentId, lastSeen)) {
            lastSeen = event.mergedOrder();
            if (event.writer().machine().equals(ownLaptop)) continue;
            try {
                onEvent.accept(event);
            } catch (RuntimeException e) {
                LOG.error(
                        "Team log listener for {}: the callback failed on event {}",
                        incidentId,
                        event.mergedOrder(),
                        e);
            }
        }
    }

    /** Stops following, and waits for its connection to be closed. */
    @Override
    public void close() {
        closing.countDown();
        try {
            ended.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
