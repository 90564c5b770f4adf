package dev.drpilot.incident;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The first thing opening a log does, before anything can write to its file: the database,
 * opened read-only, is compared with its head file. A file that H2 cannot read, that is empty,
 * or that holds fewer events than its head says is copied aside and never written to; no new
 * log is ever started over an existing file.
 */
final class LogInspection {

    /** Databases that stores of this process have open: their file is not touched again (closing any channel on it would drop H2's lock). */
    private static final Map<Path, Integer> OPEN_HERE = new ConcurrentHashMap<>();

    /**
     * What was found.
     *
     * @param inUse      another DR Pilot has the file open: it was checked when that one opened it
     * @param readOnly   the damaged database, open read-only, when {@code damage} is set
     * @param leftOpenBy who left the file open and is gone (its lock file is still there), in words; null when nobody did
     */
    record Outcome(boolean inUse, Connection readOnly, LogDamage damage, String leftOpenBy) {
        static final Outcome FINE = new Outcome(false, null, null, null);
        static final Outcome IN_USE = new Outcome(true, null, null, null);
    }

    private LogInspection() {}

    static Outcome inspect(Path log, LogHead head, Clock clock) {
        Path absolute = log.toAbsolutePath().normalize();
        Path database = Path.of(absolute + ".mv.db");
        Map<String, LogHead.Entry> said = head.entries();
        if (!Files.exists(database)) {
            if (!said.isEmpty()) {
                throw new IncidentLogUnavailableException(
                        "The incident log " + database + " is missing, though its head file " + head.file()
                                + " says it held " + summary(said)
                                + ": it was moved or deleted. Put it back; no new log is started in its place"
                                + " (--log PATH works on another log meanwhile).",
                        null);
            }
            return Outcome.FINE;
        }
        if (OPEN_HERE.containsKey(absolute) || heldByAnotherProcess(database)) return Outcome.IN_USE;
        if (size(database) == 0) {
            Path copy = DamagedCopy.of(absolute, clock);
            throw new IncidentLogUnavailableException(
                    "The incident log " + database + " is empty (0 bytes)"
                            + (said.isEmpty() ? "" : ", though its head file says it held " + summary(said))
                            + ". It was copied to " + copy
                            + "; no new log is started over it. Move it away to start a new log there, or use --log PATH.",
                    null);
        }
        boolean leftOpen = Files.exists(Path.of(absolute + ".lock.db"));
        Path probed = leftOpen ? snapshot(absolute) : absolute;
        try {
            return probe(absolute, probed, said, clock);
        } finally {
            if (leftOpen) forget(probed);
        }
    }

    /**
     * Reads the database at {@code probed} (the log itself, or a copy of it) read-only and compares
     * it with what its head file said. A damaged log is then read from its copy aside, so that
     * nothing, not even a lock, touches the file itself.
     */
    private static Outcome probe(Path log, Path probed, Map<String, LogHead.Entry> said, Clock clock) {
        Path database = Path.of(log + ".mv.db");
        boolean tables;
        List<IncidentLoss> losses;
        String leftOpenBy;
        try (Connection connection = readOnly(probed)) {
            tables = hasTables(connection);
            losses = tables ? compare(connection, said) : List.of();
            leftOpenBy = probed.equals(log) ? null : lastDriver(connection);
        } catch (SQLException e) {
            throw unreadable(database, log, probed, clock, e);
        }
        if (!tables) {
            throw new IncidentLogUnavailableException(
                    "The incident log " + database + " holds no incident tables: H2 opened it at"
                            + " an empty state"
                            + (said.isEmpty() ? "" : ", though its head file says it held " + summary(said))
                            + ". It was copied to " + DamagedCopy.of(log, clock) + "; no new log is started over it. "
                            + recoverHint(log),
                    null);
        }
        if (losses.isEmpty()) return leftOpenBy == null ? Outcome.FINE : new Outcome(false, null, null, leftOpenBy);
        Path copy = DamagedCopy.of(log, clock);
        String name = copy.toString();
        try {
            return new Outcome(
                    false,
                    readOnly(Path.of(name.substring(0, name.length() - ".mv.db".length()))),
                    new LogDamage(log, losses, copy),
                    leftOpenBy);
        } catch (SQLException e) {
            throw unreadable(database, log, probed, clock, e);
        }
    }

    /**
     * The log as another process has it open (it was checked when that one opened it): compared
     * again through the shared connection, in case its file lost events since; null when it did not.
     */
    static LogDamage shared(Connection connection, Path log, Clock clock) throws SQLException {
        List<IncidentLoss> losses = compare(connection, new LogHead(log).entries());
        return losses.isEmpty()
                ? null
                : new LogDamage(log.toAbsolutePath().normalize(), losses, DamagedCopy.of(log, clock));
    }

    /** The store now has the database open: later opens in this process connect to it without touching the file. */
    static void opened(Path log) {
        OPEN_HERE.merge(log.toAbsolutePath().normalize(), 1, Integer::sum);
    }

    static void closed(Path log) {
        OPEN_HERE.computeIfPresent(log.toAbsolutePath().normalize(), (p, n) -> n == 1 ? null : n - 1);
    }

    /**
     * Each incident whose newest event, as its head file knows it, the database does not hold (it
     * lost its tail), or holds with another hash. A database ahead of its head (a crash between a
     * commit and the head's update) is fine; a gap before the newest event is the hash chain's to
     * name ({@code verify}).
     */
    static List<IncidentLoss> compare(Connection connection, Map<String, LogHead.Entry> said) throws SQLException {
        List<IncidentLoss> losses = new ArrayList<>();
        for (LogHead.Entry entry : said.values()) {
            long count;
            long newest;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*), COALESCE(MAX(sequence), 0) FROM events WHERE incident_id = ?")) {
                select.setString(1, entry.incidentId());
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                    newest = rs.getLong(2);
                }
            }
            if (newest < entry.sequence()) {
                losses.add(IncidentLoss.missing(
                        entry.incidentId(), newest + 1, entry.sequence(), count, entry.sequence()));
            } else if (!entry.hash().equals(hashOf(connection, entry))) {
                losses.add(IncidentLoss.changed(entry.incidentId(), entry.sequence(), count));
            }
        }
        return losses;
    }

    /**
     * Who drove an incident last, as the drivers table of a log left open names it: the DR Pilot
     * that stopped without letting go (killed, or its machine lost power), when it drove one.
     */
    private static String lastDriver(Connection connection) {
        try (PreparedStatement select = connection.prepareStatement(
                        "SELECT who, host, pid, incident_id FROM drivers ORDER BY heartbeat DESC FETCH FIRST ROW ONLY");
                ResultSet rs = select.executeQuery()) {
            if (rs.next())
                return "a DR Pilot that is gone (" + rs.getString(1) + " on " + rs.getString(2) + ", pid "
                        + rs.getLong(3) + ", last driving " + rs.getString(4) + ")";
        } catch (SQLException e) {
            // an older log, without the drivers table: who left it open is not known
        }
        return "a process that is gone";
    }

    static Connection readOnly(Path log) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:h2:file:" + log + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0", "sa", "");
    }

    static boolean hasTables(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, "PUBLIC", "EVENTS", null)) {
            return tables.next();
        }
    }

    private static String hashOf(Connection connection, LogHead.Entry entry) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT hash FROM events WHERE incident_id = ? AND sequence = ?")) {
            select.setString(1, entry.incidentId());
            select.setLong(2, entry.sequence());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** {@code probed} is where H2 read it: the file itself, or the copy of a file left open. */
    private static IncidentLogUnavailableException unreadable(
            Path database, Path log, Path probed, Clock clock, SQLException e) {
        String reason = (e.getMessage() == null
                        ? e.toString()
                        : e.getMessage().lines().findFirst().orElse(""))
                .replace(probed + ".mv.db", database.toString());
        return new IncidentLogUnavailableException(
                "The incident log " + database + " cannot be read (" + reason + "). It was copied to "
                        + DamagedCopy.of(log, clock) + "; nothing was written to it and no new log is started over it. "
                        + recoverHint(log),
                e);
    }

    private static String recoverHint(Path log) {
        return "`drpilot recover --log " + log
                + " --to NEWPATH` salvages every readable event into a new log, with the loss recorded there.";
    }

    private static String summary(Map<String, LogHead.Entry> said) {
        return said.values().stream()
                .map(e -> e.incidentId() + " (" + e.sequence() + " events)")
                .collect(Collectors.joining(", "));
    }

    /** Another process holds H2's lock on the file: it is open there, and was checked when it was opened. */
    private static boolean heldByAnotherProcess(Path database) {
        try (FileChannel channel = FileChannel.open(database, StandardOpenOption.READ)) {
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
            if (lock == null) return true;
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static long size(Path database) {
        try {
            return Files.size(database);
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * A log left open by a process that is gone (its lock file is still there) is read from a copy:
     * H2 refuses to open a file with a lock file read-only, and opening it for writing would change
     * the bytes a recovery needs.
     */
    static Path snapshot(Path log) {
        try {
            Path copy = Files.createTempFile(log.getParent(), log.getFileName() + ".checking-", ".mv.db");
            Files.copy(Path.of(log + ".mv.db"), copy, StandardCopyOption.REPLACE_EXISTING);
            String name = copy.toString();
            return Path.of(name.substring(0, name.length() - ".mv.db".length()));
        } catch (IOException e) {
            throw new IncidentLogUnavailableException(
                    "Cannot check the incident log " + log + ".mv.db, which was left open by a process"
                            + " that is gone: copying it to check it failed (" + e.getMessage()
                            + "). Free some space in " + log.getParent()
                            + " and try again.",
                    e);
        }
    }

    static void forget(Path snapshot) {
        try {
            Files.deleteIfExists(Path.of(snapshot + ".mv.db"));
        } catch (IOException e) {
            throw new IncidentLogUnavailableException(
                    "Cannot delete " + snapshot + ".mv.db, a copy made to check the log: " + e.getMessage()
                            + "; delete it by hand.",
                    e);
        }
    }
}
