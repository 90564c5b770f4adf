package dev.drpilot.incident;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;

/**
 * Opening an incident log's H2 file: for writing (made and migrated when needed, waited for while
 * another process has it open without sharing it) or only to read it; a file that lost events is
 * opened read-only ({@link LogInspection}). Every failure is one sentence naming the file.
 */
final class LogOpening {

    /** How long opening tries again while another process has the file open without sharing it (a reader's moment). */
    static final Duration LOCKED_WAIT = Duration.ofSeconds(10);

    private static final Duration LOCKED_RETRY_EVERY = Duration.ofMillis(200);
    /** About how long H2 waits before it takes over a lock file whose process is gone (measured here: 6-9 s). */
    private static final Duration STALE_LOCK_WAIT = Duration.ofSeconds(10);

    /**
     * Opens (creating and migrating when needed) the log at {@code file}, an H2 database path
     * without its {@code .mv.db} ending. A file that holds fewer events than its head file says is
     * copied aside and opened read-only ({@link IncidentLogStore#damage()}); one that cannot be read is an error.
     * A file another process has open without sharing it (a reader such as {@code verify}) is tried
     * again for {@link #LOCKED_WAIT}.
     *
     * @param waits told, in one sentence, what opening waits for and how long, before it waits
     * @throws IncidentLogUnavailableException with one sentence that names the file, why it cannot be used and what to do
     */
    static IncidentLogStore forWriting(Path file, Clock clock, String actor, Consumer<String> waits) {
        pathInUrl(file);
        Path database = database(file);
        writableFolder(database);
        LogInspection.Outcome inspected = LogInspection.inspect(file, new LogHead(file), clock);
        if (inspected.damage() != null)
            return new IncidentLogStore(file, inspected.readOnly(), clock, actor, inspected.damage(), null);
        if (inspected.leftOpenBy() != null) {
            waits.accept("The incident log " + database + " was left open by " + inspected.leftOpenBy()
                    + ": waiting while the database"
                    + " makes sure that one is gone before it opens the log again (about " + STALE_LOCK_WAIT.toSeconds()
                    + " s).");
        }
        Instant giveUp = Instant.now().plus(LOCKED_WAIT);
        boolean said = false;
        while (true) {
            try {
                Connection connection = migrated(file);
                return new IncidentLogStore(
                        file,
                        connection,
                        clock,
                        actor,
                        inspected.inUse() ? LogInspection.shared(connection, file, clock) : null,
                        null);
            } catch (Exception e) {
                String text = e.getMessage() == null ? e.toString() : e.getMessage();
                String full = LogWriteFailure.fullWhenOpened(database, e);
                if (full != null) throw new IncidentLogUnavailableException(full, e);
                boolean locked = text.contains("90020") || text.contains("already in use");
                if (locked && Instant.now().isBefore(giveUp)) {
                    if (!said) {
                        waits.accept("Waiting for the incident log " + database
                                + ", which another process has open without sharing it"
                                + " (`drpilot verify`, `incidents` or `scorecard` reading it, most likely): trying again for up to "
                                + LOCKED_WAIT.toSeconds() + " s.");
                    }
                    said = true;
                    pause();
                    continue;
                }
                if (locked) {
                    throw unavailable(
                            database,
                            "another process holds it (if another DR Pilot has it open, work there, or close it and try again)",
                            e);
                }
                throw unavailable(database, text.lines().findFirst().orElse(text), e);
            }
        }
    }

    /**
     * Opens an existing log only to read it (verify, incidents, scorecard), so that its file keeps
     * every byte a recovery may need: no migration, and none of the compaction H2 does when it
     * closes a database it opened for writing. Alone on the file, it reads it read-only (a log left
     * open by a process that is gone, from a copy); when another DR Pilot has it open, through that one.
     *
     * @throws IncidentLogUnavailableException when there is no log there, or it cannot be read
     */
    static IncidentLogStore toRead(Path file, Clock clock, String actor) {
        pathInUrl(file);
        Path database = database(file);
        LogInspection.Outcome inspected = LogInspection.inspect(file, new LogHead(file), clock);
        if (inspected.damage() != null)
            return new IncidentLogStore(file, inspected.readOnly(), clock, actor, inspected.damage(), null);
        if (!Files.exists(database)) {
            throw new IncidentLogUnavailableException(
                    "There is no incident log at " + database + ": check --log or DRPILOT_LOG"
                            + " (`drpilot run` or the window makes a new one).",
                    null);
        }
        if (!inspected.inUse()) {
            Path copy = inspected.leftOpenBy() == null
                    ? null
                    : LogInspection.snapshot(file.toAbsolutePath().normalize());
            try {
                return new IncidentLogStore(
                        file,
                        LogInspection.readOnly(
                                copy == null ? file.toAbsolutePath().normalize() : copy),
                        clock,
                        actor,
                        null,
                        copy);
            } catch (SQLException e) {
                // a DR Pilot opened it for writing a moment ago: it is read through that one, below
                if (copy != null) LogInspection.forget(copy);
            }
        }
        try {
            return new IncidentLogStore(
                    file, DriverManager.getConnection(url(file), "sa", ""), clock, actor, null, null);
        } catch (SQLException e) {
            throw unavailable(
                    database,
                    e.getMessage() == null
                            ? e.toString()
                            : e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
    }

    /** A connection to the log at {@code file}, its tables made or brought up to date first. */
    static Connection migrated(Path file) throws SQLException {
        Flyway.configure()
                .dataSource(url(file), "sa", "")
                .locations("classpath:dev/drpilot/incident/migration")
                .loggers("slf4j")
                .load()
                .migrate();
        return connect(file);
    }

    static Connection connect(Path log) throws SQLException {
        Connection connection = DriverManager.getConnection(url(log), "sa", "");
        connection.setAutoCommit(true);
        return connection;
    }

    static Path database(Path log) {
        return log.toAbsolutePath().resolveSibling(log.getFileName() + ".mv.db");
    }

    private static String url(Path log) {
        return "jdbc:h2:file:" + pathInUrl(log) + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    /**
     * The log's path as H2's URL takes it, where nothing in it can be read as a setting: H2 has no
     * escape for ';' (which starts a setting such as INIT=RUNSCRIPT, which can run any code), so a
     * path with one, or with a control character, is refused.
     */
    static String pathInUrl(Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        for (char c : path.toCharArray()) {
            if (c == ';' || Character.isISOControl(c)) {
                throw new IncidentLogUnavailableException(
                        "The incident log's path " + printable(path) + " has a "
                                + (c == ';' ? "';'" : "control character")
                                + ", which the database would read as a setting:"
                                + " choose a folder without one (--log PATH or DRPILOT_LOG).",
                        null);
            }
        }
        return path;
    }

    private static String printable(String path) {
        StringBuilder out = new StringBuilder();
        for (char c : path.toCharArray())
            out.append(Character.isISOControl(c) ? "\\u%04x".formatted((int) c) : String.valueOf(c));
        return out.toString();
    }

    /** Makes the log's folder, and checks that it and the log can be written, before H2 tries (and prints its own errors). */
    private static void writableFolder(Path database) {
        Path folder = database.getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw unavailable(database, "its folder " + folder + " cannot be made (" + FileErrors.inWords(e) + ")", e);
        }
        if (!Files.isWritable(folder)) throw unavailable(database, "its folder " + folder + " cannot be written", null);
        if (Files.exists(database) && !Files.isWritable(database))
            throw unavailable(database, "the file cannot be written", null);
    }

    private static void pause() {
        try {
            Thread.sleep(LOCKED_RETRY_EVERY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IncidentLogUnavailableException("Stopped while waiting for the incident log to be free.", e);
        }
    }

    private static IncidentLogUnavailableException unavailable(Path database, String why, Throwable cause) {
        return new IncidentLogUnavailableException(
                "Cannot open the incident log " + database + ": " + why
                        + "; to use another log, start with --log PATH.",
                cause);
    }

    private LogOpening() {}
}
