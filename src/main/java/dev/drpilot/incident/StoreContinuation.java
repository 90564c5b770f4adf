package dev.drpilot.incident;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;

/**
 * A log that stopped taking writes (a full or failing disk) going on in a new log in another
 * folder: its committed events copied there ({@link LogContinuation}), the store moved there, and
 * the write that stopped it made again there.
 */
final class StoreContinuation {

    /** What moves with the log once it is copied: its place, and the claims its seat held. */
    interface Move {
        void to(LogPlace place) throws SQLException;
    }

    /** The write that stopped the old log, made in the new one; says what became of it. */
    interface WriteAgain {
        String write(StoppedWrites.Unwritten pending) throws SQLException;
    }

    private final LogPlace from;
    private final LogThread thread;
    private final StoppedWrites stops;

    StoreContinuation(LogPlace from, LogThread thread, StoppedWrites stops) {
        this.from = from;
        this.thread = thread;
        this.stops = stops;
    }

    LogContinuation.Report into(
            Path folder, LogDamage damage, Clock clock, String actor, Move move, WriteAgain writeAgain)
            throws SQLException {
        if (damage != null) {
            throw new IncidentLogUnavailableException(
                    damage.sentence() + " A damaged log is not continued: `drpilot recover --log " + from.file()
                            + " --to NEWPATH` salvages what is left.",
                    null);
        }
        Path target = LogContinuation.check(from.file(), folder);
        closeQuietly(from.store());
        LogContinuation.Report report;
        try {
            report = LogContinuation.into(from.file(), folder, clock, actor);
        } catch (IncidentLogUnavailableException failed) {
            if (!stops.stopped())
                move.to(new LogPlace(from.file(), new H2EventStore(LogOpening.connect(from.file()), thread)));
            throw failed;
        }
        LogInspection.closed(from.file());
        move.to(new LogPlace(target, new H2EventStore(LogOpening.connect(target), thread)));
        LogInspection.opened(target);
        StoppedWrites.Unwritten pending = stops.resume();
        return pending == null ? report : report.withUnwritten(writeAgain.write(pending));
    }

    /** Closes a store whose database may be closed already: H2 closes it when a write fails, and then there is nothing left to close. */
    static void closeQuietly(H2EventStore store) {
        try {
            store.close();
        } catch (EventStoreException closedByTheFailure) {
            // nothing was left open
        }
    }
}
