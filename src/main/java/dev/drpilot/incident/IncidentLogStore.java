package dev.drpilot.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;

/**
 * The incident log in an embedded H2 file. Every append is committed and synced to disk before it
 * returns, then recorded in the log's head file ({@link LogHead}), so neither a crash nor a lost
 * power supply loses what was reported as written, and a file that lost events says so when it
 * is opened ({@link LogInspection}). {@code AUTO_SERVER} lets a second process (the command line
 * while the app runs) use the same file.
 */
public final class IncidentLogStore implements AutoCloseable {

    private static final int APPEND_ATTEMPTS = 5;
    /** The longest note, decision or correction: a page of text, not a pasted log file. */
    public static final int MAX_TEXT = 10_000;
    /** How many events {@link #forEachEvent} reads at a time. */
    private static final int PAGE = 1_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long opening tries again while another process has the file open without sharing it (a reader's moment). */
    static final Duration LOCKED_WAIT = Duration.ofSeconds(10);
    private static final Duration LOCKED_RETRY_EVERY = Duration.ofMillis(200);
    /** About how long H2 waits before it takes over a lock file whose process is gone (measured here: 6-9 s). */
    private static final Duration STALE_LOCK_WAIT = Duration.ofSeconds(10);

    /** Where the log is; it moves, with its connection and head, only when it goes on in another folder ({@link #continueIn}). */
    private volatile Path file;
    private volatile Connection connection;
    private volatile LogHead head;
    /** Set when the file lost events: it is open read-only, and every write is refused. */
    private final LogDamage damage;
    /** The first write that failed: H2 closes the database after it, so later writes say why. */
    private volatile IncidentLogUnavailableException stopped;
    /** The event that write was about, kept to be written where the log goes on. */
    private volatile Unwritten unwritten;
    private final List<Consumer<String>> stopListeners = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private final Map<String, Clock> clocks = new ConcurrentHashMap<>();
    private final SecretRedactor redactor = new SecretRedactor();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final String actor;
    private final Map<String, String> actors = new ConcurrentHashMap<>();
    /** The last event of each incident this store appended to; another process's append shows as a key conflict. */
    private final Map<String, Tail> tails = new java.util.HashMap<>();

    /** By incident: the sequences this store wrote that a follower has not read past yet (another process wrote the rest). */
    private final Map<String, NavigableSet<Long>> written = new ConcurrentHashMap<>();
    private final IncidentDrivers drivers;

    private final ExecutorService io;
    private volatile Thread ioThread;
    /** A copy of the file this store reads instead of it (a log left open by a process that is gone), deleted on close; else null. */
    private final Path copyRead;

    private IncidentLogStore(Path file, Connection connection, Clock clock, String actor, LogDamage damage) {
        this(file, connection, clock, actor, damage, null);
    }

    private IncidentLogStore(Path file, Connection connection, Clock clock, String actor, LogDamage damage, Path copyRead) {
        DaemonThreads threads = new DaemonThreads("drpilot-log-io");
        this.io = Executors.newSingleThreadExecutor(r -> ioThread = threads.newThread(r));
        this.file = file;
        this.connection = connection;
        this.head = new LogHead(file);
        this.damage = damage;
        this.clock = clock;
        this.actor = actor;
        this.drivers = new IncidentDrivers(this, Seat.here(actor), clock);
        this.copyRead = copyRead;
        if (damage == null) LogInspection.opened(file);
    }

    /** Opens the log as {@link #open(Path, Clock, String, Consumer)} does, with nobody to tell about a wait. */
    public static IncidentLogStore open(Path file, Clock clock, String actor) {
        return open(file, clock, actor, wait -> { });
    }

    /**
     * Opens (creating and migrating when needed) the log at {@code file}, an H2 database path
     * without its {@code .mv.db} ending. A file that holds fewer events than its head file says is
     * copied aside and opened read-only ({@link #damage()}); one that cannot be read is an error.
     * A file another process has open without sharing it (a reader such as {@code verify}) is tried
     * again for {@link #LOCKED_WAIT}.
     *
     * @param waits told, in one sentence, what opening waits for and how long, before it waits
     * @throws IncidentLogUnavailableException with one sentence that names the file, why it cannot be used and what to do
     */
    public static IncidentLogStore open(Path file, Clock clock, String actor, Consumer<String> waits) {
        String url = url(file);
        Path database = file.toAbsolutePath().resolveSibling(file.getFileName() + ".mv.db");
        writableFolder(database);
        LogInspection.Outcome inspected = LogInspection.inspect(file, new LogHead(file), clock);
        if (inspected.damage() != null) return new IncidentLogStore(file, inspected.readOnly(), clock, actor, inspected.damage());
        if (inspected.leftOpenBy() != null) {
            waits.accept("The incident log " + database + " was left open by " + inspected.leftOpenBy() + ": waiting while the database"
                    + " makes sure that one is gone before it opens the log again (about " + STALE_LOCK_WAIT.toSeconds() + " s).");
        }
        Instant giveUp = Instant.now().plus(LOCKED_WAIT);
        boolean said = false;
        while (true) {
            try {
                Flyway.configure().dataSource(url, "sa", "").locations("classpath:dev/drpilot/incident/migration")
                        .loggers("slf4j").load().migrate();
                Connection connection = DriverManager.getConnection(url, "sa", "");
                connection.setAutoCommit(true);
                return new IncidentLogStore(file, connection, clock, actor, inspected.inUse() ? LogInspection.shared(connection, file, clock) : null);
            } catch (Exception e) {
                String text = e.getMessage() == null ? e.toString() : e.getMessage();
                String full = LogWriteFailure.fullWhenOpened(database, e);
                if (full != null) throw new IncidentLogUnavailableException(full, e);
                boolean locked = text.contains("90020") || text.contains("already in use");
                if (locked && Instant.now().isBefore(giveUp)) {
                    if (!said) {
                        waits.accept("Waiting for the incident log " + database + ", which another process has open without sharing it"
                                + " (`drpilot verify`, `incidents` or `scorecard` reading it, most likely): trying again for up to "
                                + LOCKED_WAIT.toSeconds() + " s.");
                    }
                    said = true;
                    pause();
                    continue;
                }
                if (locked) {
                    throw unavailable(database, "another process holds it (if another DR Pilot has it open, work there, or close it and try again)", e);
                }
                throw unavailable(database, text.lines().findFirst().orElse(text), e);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(LOCKED_RETRY_EVERY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IncidentLogUnavailableException("Stopped while waiting for the incident log to be free.", e);
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
    public static IncidentLogStore openToRead(Path file, Clock clock, String actor) {
        String url = "jdbc:h2:file:" + pathInUrl(file) + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        Path database = file.toAbsolutePath().resolveSibling(file.getFileName() + ".mv.db");
        LogInspection.Outcome inspected = LogInspection.inspect(file, new LogHead(file), clock);
        if (inspected.damage() != null) return new IncidentLogStore(file, inspected.readOnly(), clock, actor, inspected.damage());
        if (!Files.exists(database)) {
            throw new IncidentLogUnavailableException("There is no incident log at " + database + ": check --log or DRPILOT_LOG"
                    + " (`drpilot run` or the window makes a new one).", null);
        }
        if (!inspected.inUse()) {
            Path copy = inspected.leftOpenBy() == null ? null : LogInspection.snapshot(file.toAbsolutePath().normalize());
            try {
                return new IncidentLogStore(file, LogInspection.readOnly(copy == null ? file.toAbsolutePath().normalize() : copy),
                        clock, actor, null, copy);
            } catch (SQLException e) {
                // a DR Pilot opened it for writing a moment ago: it is read through that one, below
                if (copy != null) LogInspection.forget(copy);
            }
        }
        try {
            return new IncidentLogStore(file, DriverManager.getConnection(url, "sa", ""), clock, actor, null);
        } catch (SQLException e) {
            throw unavailable(database, e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse(""), e);
        }
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
                throw new IncidentLogUnavailableException("The incident log's path " + printable(path) + " has a "
                        + (c == ';' ? "';'" : "control character") + ", which the database would read as a setting:"
                        + " choose a folder without one (--log PATH or DRPILOT_LOG).", null);
            }
        }
        return path;
    }

    private static String printable(String path) {
        StringBuilder out = new StringBuilder();
        for (char c : path.toCharArray()) out.append(Character.isISOControl(c) ? "\\u%04x".formatted((int) c) : String.valueOf(c));
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
        if (Files.exists(database) && !Files.isWritable(database)) throw unavailable(database, "the file cannot be written", null);
    }

    private static IncidentLogUnavailableException unavailable(Path database, String why, Throwable cause) {
        return new IncidentLogUnavailableException("Cannot open the incident log " + database + ": " + why
                + "; to use another log, start with --log PATH.", cause);
    }

    /** The per-user data folder of this OS: where the log lives unless the operator says otherwise. */
    public static Path defaultLocation() {
        String os = System.getProperty("os.name", "").toLowerCase();
        Path home = Path.of(System.getProperty("user.home"));
        Path folder;
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            folder = (appData != null ? Path.of(appData) : home.resolve("AppData/Roaming")).resolve("DR Pilot");
        } else if (os.contains("mac")) {
            folder = home.resolve("Library/Application Support/DR Pilot");
        } else {
            String xdg = System.getenv("XDG_DATA_HOME");
            folder = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("drpilot");
        }
        return folder.resolve("incidents");
    }

    public Path file() {
        return file;
    }

    /** What opening found missing from the file, when it did: the log is then read-only. */
    public Optional<LogDamage> damage() {
        return Optional.ofNullable(damage);
    }

    /** Where the files of one incident's steps go: {@code files/INCIDENT} beside the log (not made here). */
    public Path incidentFolder(String incidentId) {
        return file.toAbsolutePath().getParent().resolve("files").resolve(incidentId);
    }

    public SecretRedactor redactor() {
        return redactor;
    }

    /** Who one incident's next events are written as (its operator, as the AWS identity its steps use); the others keep theirs. */
    public void setActor(String incidentId, String incidentActor) {
        actors.put(incidentId, incidentActor);
    }

    /** Declares an incident and writes its first event. */
    public Incident declare(NewIncident request, Map<String, String> params) {
        return declare(request, params, null, clock);
    }

    /**
     * Declares an incident whose events are stamped by {@code time} rather than the log's clock:
     * a tabletop rehearsal runs on its own, compressible clock.
     */
    public Incident declare(NewIncident request, Map<String, String> params, String exercise, Clock time) {
        return onIoThread(() -> {
            refuseWhileDamaged("the declaration of " + request.title());
            Instant now = Instant.ofEpochMilli(time.millis());
            String id = (request.mode() == IncidentMode.REHEARSAL ? "REH-" : "INC-")
                    + DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").format(now.atZone(ZoneOffset.UTC))
                    + "-" + HexFormat.of().formatHex(RANDOM.generateSeed(2));
            Incident incident = new Incident(id, request.runbookId(), redactor.redact(request.title()), request.mode(),
                    request.severity(), request.commander(), now, request.failureStartedAt(), null, null, time == clock ? null : now);
            EventDraft draft = EventDraft.of(new EventData.Declared(params, exercise, incident.runbookId(), incident.title(),
                    incident.mode().name(), incident.severity(), incident.commander(), incident.failureStartedAt()), null);
            if (time != clock) clocks.put(id, time);
            durable(id, draft, inOneTransaction(incident, draft, payloadText(draft.data())));
            return incident;
        });
    }

    /** The incident's row and its first event commit together: a crash between them cannot leave an incident without events. */
    private IncidentEvent inOneTransaction(Incident incident, EventDraft draft, String payload) {
        String what = "the declaration of " + incident.id();
        try {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO incidents (id, runbook_id, title, mode, severity, commander, declared_at, failure_started_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, incident.id());
                    insert.setString(2, incident.runbookId());
                    insert.setString(3, incident.title());
                    insert.setString(4, incident.mode().name());
                    insert.setString(5, incident.severity());
                    insert.setString(6, incident.commander());
                    insert.setLong(7, incident.declaredAt().toEpochMilli());
                    setInstant(insert, 8, incident.failureStartedAt());
                    insert.executeUpdate();
                }
                IncidentEvent first = insert(incident.id(), draft, payload);
                connection.commit();
                return first;
            } catch (SQLException e) {
                tails.remove(incident.id());
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw stop(LogWriteFailure.notWritten(database(), what, e), new Unwritten(what, null, null, null));
        }
    }

    public IncidentEvent append(String incidentId, EventData data, String stepId) {
        return append(incidentId, EventDraft.of(data, stepId));
    }

    /** From now on, stamps the incident's events with {@code time} (a rehearsal taken up again on its own clock). */
    public void keepTimeFor(String incidentId, Clock time) {
        clocks.put(incidentId, time);
    }

    /** Writes an event and commits it before returning; a note too long, dated in the future or correcting nothing is refused. */
    public IncidentEvent append(String incidentId, EventDraft draft) {
        return onIoThread(() -> {
            refuseWhileDamaged(LogWriteFailure.what(incidentId, draft));
            refuseNonsense(incidentId, draft);
            String payload = payloadText(draft.data());
            SQLException last = null;
            for (int attempt = 0; attempt < APPEND_ATTEMPTS; attempt++) {
                try {
                    return durable(incidentId, draft, insert(incidentId, draft, payload));
                } catch (SQLException e) {
                    // another process appended the same sequence number first: read the new tail and go again
                    if (!"23505".equals(e.getSQLState())) {
                        String what = LogWriteFailure.what(incidentId, draft);
                        throw stop(LogWriteFailure.notWritten(database(), what, e), new Unwritten(what, incidentId, draft, null));
                    }
                    tails.remove(incidentId);
                    last = e;
                }
            }
            throw failure("write to the incident log", last);
        });
    }

    /**
     * A committed event is synced to disk (H2 writes a commit with WRITE_DELAY=0, but leaves it in
     * the OS's cache), then recorded in the head file; only then is it acknowledged.
     */
    private IncidentEvent durable(String incidentId, EventDraft draft, IncidentEvent event) {
        try {
            sync();
        } catch (SQLException e) {
            String what = LogWriteFailure.what(incidentId, draft);
            throw stop(LogWriteFailure.notSynced(database(), event, what, e), new Unwritten(what, incidentId, draft, event));
        }
        try {
            head.record(incidentId, event.sequence(), event.hash());
        } catch (IOException e) {
            throw LogWriteFailure.headNotWritten(database(), head.file(), event, e);
        }
        return event;
    }

    private void sync() throws SQLException {
        try (Statement checkpoint = connection.createStatement()) {
            checkpoint.execute("CHECKPOINT SYNC");
        }
    }

    private IncidentLogUnavailableException stop(IncidentLogUnavailableException failure, Unwritten what) {
        if (stopped == null && LogWriteFailure.brokeTheFile(failure)) {
            stopped = failure;
            unwritten = what;
            stopListeners.forEach(listener -> listener.accept(failure.getMessage()));
        }
        return failure;
    }

    /**
     * A write that could not be made, and its event when one was being appended (null for a
     * declaration); {@code maybeWritten} is the event as committed when only its sync failed.
     */
    private record Unwritten(String what, String incidentId, EventDraft draft, IncidentEvent maybeWritten) {
    }

    /**
     * Hears, once, that the log stopped taking writes (a full disk, a failing one), with the
     * failure in words; called on the log's own thread, the moment it happens.
     */
    public void whenStopped(Consumer<String> listener) {
        stopListeners.add(listener);
    }

    /** Whether a failed write stopped the log: it takes writes again only once continued in another folder. */
    public boolean stopped() {
        return stopped != null;
    }

    /**
     * Goes on in a new log of the same name in {@code folder} (on another disk): every committed
     * event is copied there with its hash, this store's claims are taken along, and from now on
     * every read and write goes there. The event whose write stopped the log is written there when
     * the copy does not hold it already; the report names it either way.
     *
     * @throws IncidentLogUnavailableException with one sentence when it cannot (a damaged log, a folder that holds a log)
     */
    public LogContinuation.Report continueIn(Path folder) {
        return onIoThread(() -> {
            if (damage != null) {
                throw new IncidentLogUnavailableException(damage.sentence() + " A damaged log is not continued: `drpilot recover --log " + file
                        + " --to NEWPATH` salvages what is left.", null);
            }
            Path old = file;
            Path target = LogContinuation.check(old, folder);
            try {
                connection.close();
            } catch (SQLException closedByTheFailure) {
                // H2 closed the database when the write failed: there is nothing left to close
            }
            LogContinuation.Report report;
            try {
                report = LogContinuation.into(old, folder, clock, actor);
            } catch (IncidentLogUnavailableException failed) {
                if (stopped == null) connection = connect(old);
                throw failed;
            }
            LogInspection.closed(old);
            connection = connect(target);
            file = target;
            head = new LogHead(target);
            LogInspection.opened(target);
            tails.clear();
            stopped = null;
            drivers.claimAgain(connection);
            Unwritten pending = unwritten;
            unwritten = null;
            return pending == null ? report : report.withUnwritten(writeAgain(pending));
        });
    }

    private static String url(Path log) {
        return "jdbc:h2:file:" + pathInUrl(log) + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    private static Connection connect(Path log) throws SQLException {
        Connection connection = DriverManager.getConnection(url(log), "sa", "");
        connection.setAutoCommit(true);
        return connection;
    }

    /** The failed write, made in the log the store goes on in, unless the copy holds it already. */
    private String writeAgain(Unwritten pending) throws SQLException {
        if (pending.draft() == null) return "Not written: " + pending.what() + "; declare it again.";
        if (pending.maybeWritten() != null) {
            IncidentEvent was = pending.maybeWritten();
            if (was.hash().equals(hashAt(was.incidentId(), was.sequence()))) {
                return "The write that failed, " + pending.what() + ", reached the old log before it stopped: it is event " + was.sequence()
                        + " of " + was.incidentId() + " in the new log too.";
            }
        }
        IncidentEvent written = append(pending.incidentId(), pending.draft());
        return "Not written to the old log: " + pending.what() + "; written to the new log as event " + written.sequence() + " of "
                + written.incidentId() + ".";
    }

    private void refuseWhileDamaged(String what) {
        if (damage != null) throw new IncidentLogUnavailableException(damage.refusal(what), null);
        if (stopped != null) throw LogWriteFailure.stillStopped(what, stopped);
    }

    private Path database() {
        return Path.of(file.toAbsolutePath() + ".mv.db");
    }

    /** What the operator writes (notes, decisions, corrections) is checked before it becomes a line of the record. */
    private void refuseNonsense(String incidentId, EventDraft draft) throws SQLException {
        if (draft.data() instanceof EventData.Said said && said.text() != null && said.text().length() > MAX_TEXT) {
            String text = said.text();
            throw new IllegalArgumentException("a note holds at most " + MAX_TEXT + " characters (this one has " + text.length()
                    + "): save the rest in a file and name the file in the note");
        }
        Instant now = Instant.ofEpochMilli(clocks.getOrDefault(incidentId, clock).millis());
        if (draft.occurredAt() != null && draft.occurredAt().isAfter(now.plusSeconds(60))) {
            throw new IllegalArgumentException("it happened at " + draft.occurredAt() + ", which is in the future: give when it happened, in UTC");
        }
        if (draft.corrects() != null) {
            Tail tail = tails.get(incidentId) != null ? tails.get(incidentId) : readTail(incidentId);
            if (draft.corrects() < 1 || draft.corrects() > tail.sequence()) {
                throw new IllegalArgumentException("there is no event " + draft.corrects() + " in " + incidentId + " (its events are 1 to "
                        + tail.sequence() + "): `drpilot export " + incidentId + " --format md` lists them");
            }
        }
    }

    private IncidentEvent insert(String incidentId, EventDraft draft, String payload) throws SQLException {
        Tail tail = tails.get(incidentId);
        if (tail == null) tail = readTail(incidentId);
        long sequence = tail.sequence() + 1;
        String previousHash = tail.hash();
        long time = clocks.getOrDefault(incidentId, clock).millis();
        String who = redactor.redact(actors.getOrDefault(incidentId, actor));
        String step = draft.stepId();
        Long occurredAt = draft.occurredAt() == null ? null : draft.occurredAt().toEpochMilli();
        String hash = HashChain.hash(incidentId, sequence, time, draft.kind(), who, step, payload, draft.corrects(),
                occurredAt, previousHash);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO events (incident_id, sequence, time_ms, kind, actor, step_id, payload, corrects, occurred_at,"
                        + " previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, incidentId);
            insert.setLong(2, sequence);
            insert.setLong(3, time);
            insert.setString(4, draft.kind().name());
            insert.setString(5, who);
            insert.setString(6, step);
            insert.setString(7, payload);
            setLong(insert, 8, draft.corrects());
            setLong(insert, 9, occurredAt);
            insert.setString(10, previousHash);
            insert.setString(11, hash);
            insert.executeUpdate();
        }
        tails.put(incidentId, new Tail(sequence, hash));
        written.computeIfAbsent(incidentId, id -> new ConcurrentSkipListSet<>()).add(sequence);
        return new IncidentEvent(incidentId, sequence, Instant.ofEpochMilli(time), draft.kind(), who, step, payload,
                draft.corrects(), draft.occurredAt() == null ? null : Instant.ofEpochMilli(occurredAt), previousHash, hash);
    }

    /** The last event of an incident: its sequence and hash (0 and the genesis hash before the first). */
    private record Tail(long sequence, String hash) {
    }

    private Tail readTail(String incidentId) throws SQLException {
        long last;
        try (PreparedStatement max = connection.prepareStatement("SELECT MAX(sequence) FROM events WHERE incident_id = ?")) {
            max.setString(1, incidentId);
            try (ResultSet rs = max.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
            }
        }
        return last == 0 ? new Tail(0, HashChain.GENESIS) : new Tail(last, hashAt(incidentId, last));
    }

    /** The hash of an incident's event, or null when the log does not hold it. */
    private String hashAt(String incidentId, long sequence) throws SQLException {
        try (PreparedStatement hash = connection.prepareStatement("SELECT hash FROM events WHERE incident_id = ? AND sequence = ?")) {
            hash.setString(1, incidentId);
            hash.setLong(2, sequence);
            try (ResultSet rs = hash.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private String payloadText(EventData data) {
        try {
            JsonNode tree = EventCodec.tree(data);
            return json.writeValueAsString(redactor.redact(tree));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("event payload is not representable as JSON: " + e.getMessage(), e);
        }
    }

    public List<IncidentEvent> events(String incidentId) {
        return events(incidentId, 0);
    }

    /** Events after a sequence number, for readers that follow the log as it grows. */
    public List<IncidentEvent> events(String incidentId, long afterSequence) {
        List<IncidentEvent> events = new ArrayList<>();
        forEachEvent(incidentId, afterSequence, Long.MAX_VALUE, events::add);
        return events;
    }

    /**
     * The events after {@code afterSequence} up to {@code upToSequence}, in order, read {@link #PAGE}
     * at a time, so that an incident of any size passes through in bounded memory (the exports).
     * Each page is read on the store's thread and handed to {@code each} on the caller's, so appends
     * are not held up while the caller writes. Ordered by both key columns so that H2 walks the
     * primary key instead of sorting every later event for each page.
     */
    public void forEachEvent(String incidentId, long afterSequence, long upToSequence, Consumer<IncidentEvent> each) {
        long after = afterSequence;
        while (after < upToSequence) {
            long from = after;
            List<IncidentEvent> page = onIoThread(() -> {
                List<IncidentEvent> events = new ArrayList<>(PAGE);
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT sequence, time_ms, kind, actor, step_id, payload, corrects, occurred_at, previous_hash, hash FROM events"
                                + " WHERE incident_id = ? AND sequence > ? AND sequence <= ? ORDER BY incident_id, sequence LIMIT " + PAGE)) {
                    select.setString(1, incidentId);
                    select.setLong(2, from);
                    select.setLong(3, upToSequence);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            events.add(new IncidentEvent(incidentId, rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
                                    EventKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                                    nullableLong(rs, 7), instant(rs, 8), rs.getString(9), rs.getString(10)));
                        }
                    }
                } catch (SQLException e) {
                    throw failure("read the incident log", e);
                }
                return events;
            });
            page.forEach(each);
            if (page.size() < PAGE) return;
            after = page.getLast().sequence();
        }
    }

    /**
     * The events after a sequence that this store did not write: what another process (a window,
     * the command line) added to the log. {@code upTo} is the last sequence read, to ask after next.
     */
    public ForeignEvents eventsFromElsewhere(String incidentId, long afterSequence) {
        return onIoThread(() -> {
            List<IncidentEvent> all = events(incidentId, afterSequence);
            NavigableSet<Long> mine = written.getOrDefault(incidentId, new ConcurrentSkipListSet<>());
            long upTo = all.isEmpty() ? afterSequence : all.getLast().sequence();
            List<IncidentEvent> theirs = all.stream().filter(e -> !mine.contains(e.sequence())).toList();
            mine.headSet(upTo, true).clear();
            return new ForeignEvents(theirs, upTo);
        });
    }

    /** Who drives each incident of this log; claims are made as this store's own seat. */
    public IncidentDrivers drivers() {
        return drivers;
    }

    /**
     * Adds events written in another log, as they are (sequence, time, hash), with their incidents'
     * rows as that log has them: in one transaction, synced, then recorded in the head file. Each
     * incident's first added event must follow this log's newest one, else nothing is added.
     */
    void adopt(List<Incident> incidents, List<IncidentEvent> events) {
        onIoThread(() -> {
            refuseWhileDamaged("the merged events");
            try {
                connection.setAutoCommit(false);
                try {
                    for (Incident incident : incidents) mergeRow(incident);
                    for (IncidentEvent event : events) insertAsIs(event);
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                    incidents.forEach(incident -> tails.remove(incident.id()));
                }
                sync();
            } catch (SQLException e) {
                throw stop(LogWriteFailure.notWritten(database(), "the " + events.size() + " merged events", e), null);
            }
            List<LogHead.Entry> newest = new ArrayList<>();
            for (IncidentEvent event : events) {
                newest.removeIf(entry -> entry.incidentId().equals(event.incidentId()));
                newest.add(new LogHead.Entry(event.incidentId(), event.sequence(), event.hash()));
            }
            try {
                head.record(newest);
            } catch (IOException e) {
                throw LogWriteFailure.headNotWritten(database(), head.file(), events.getLast(), e);
            }
            return null;
        });
    }

    private void mergeRow(Incident incident) throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement(
                "MERGE INTO incidents (id, runbook_id, title, mode, severity, commander, declared_at, failure_started_at, recovered_at, closed_at)"
                        + " KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            merge.setString(1, incident.id());
            merge.setString(2, incident.runbookId());
            merge.setString(3, incident.title());
            merge.setString(4, incident.mode().name());
            merge.setString(5, incident.severity());
            merge.setString(6, incident.commander());
            merge.setLong(7, incident.declaredAt().toEpochMilli());
            setInstant(merge, 8, incident.failureStartedAt());
            setInstant(merge, 9, incident.recoveredAt());
            setInstant(merge, 10, incident.closedAt());
            merge.executeUpdate();
        }
    }

    private void insertAsIs(IncidentEvent event) throws SQLException {
        Tail tail = readTail(event.incidentId());
        if (tail.sequence() != event.sequence() - 1 || !tail.hash().equals(event.previousHash())) {
            throw new IncidentLogUnavailableException("Not merged: " + event.incidentId() + " gained events in " + file + ".mv.db while merging"
                    + " (its newest is now event " + tail.sequence() + "); nothing was changed, run the merge again.", null);
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO events (incident_id, sequence, time_ms, kind, actor, step_id, payload, corrects, occurred_at,"
                        + " previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, event.incidentId());
            insert.setLong(2, event.sequence());
            insert.setLong(3, event.time().toEpochMilli());
            insert.setString(4, event.kind().name());
            insert.setString(5, event.actor());
            insert.setString(6, event.stepId());
            insert.setString(7, event.payload());
            setLong(insert, 8, event.corrects());
            setInstant(insert, 9, event.occurredAt());
            insert.setString(10, event.previousHash());
            insert.setString(11, event.hash());
            insert.executeUpdate();
        }
    }

    /** Some work on the database, on the store's thread. */
    interface SqlWork<T> {
        T on(Connection connection) throws SQLException;
    }

    <T> T withConnection(String what, SqlWork<T> work) {
        return onIoThread(() -> {
            try {
                return work.on(connection);
            } catch (SQLException e) {
                throw failure(what, e);
            }
        });
    }

    /** Every incident, open ones first, newest first. */
    public List<Incident> incidents() {
        return onIoThread(() -> {
            List<Incident> incidents = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, runbook_id, title, mode, severity, commander, declared_at, failure_started_at, recovered_at, closed_at,"
                            + " CASE WHEN EXISTS (SELECT 1 FROM events WHERE events.incident_id = incidents.id AND kind = 'INJECT')" // a tabletop
                            + " THEN (SELECT MAX(time_ms) FROM events WHERE events.incident_id = incidents.id) END"
                            + " FROM incidents ORDER BY closed_at IS NOT NULL, declared_at DESC");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    incidents.add(new Incident(rs.getString(1), rs.getString(2), rs.getString(3),
                            IncidentMode.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                            Instant.ofEpochMilli(rs.getLong(7)), instant(rs, 8), instant(rs, 9), instant(rs, 10), instant(rs, 11)));
                }
            } catch (SQLException e) {
                throw failure("list the incidents", e);
            }
            return incidents;
        });
    }

    public Optional<Incident> incident(String id) {
        return incidents().stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** Sets the incident's start back to when the failure began (detection often comes later). */
    public IncidentEvent setFailureStart(String incidentId, Instant failureStartedAt, String reason) {
        return onIoThread(() -> {
            refuseWhileDamaged("the failure start of " + incidentId);
            update("UPDATE incidents SET failure_started_at = ? WHERE id = ?", failureStartedAt.toEpochMilli(), incidentId);
            return append(incidentId, EventDraft.of(new EventData.StartSetBack(failureStartedAt, reason == null ? "" : reason), null));
        });
    }

    /**
     * The service is back: the RTO clock stops here.
     *
     * @param said who or what said so (the operator, or the steps that proved it), and a note
     */
    public IncidentEvent recovered(String incidentId, EventData.Recovered said) {
        return onIoThread(() -> {
            requireState(incidentId, IncidentState.OPEN, "it is already %s");
            IncidentEvent event = append(incidentId, EventDraft.of(said, null));
            update("UPDATE incidents SET recovered_at = ? WHERE id = ?", event.time().toEpochMilli(), incidentId);
            return event;
        });
    }

    /** The incident is over: its post-mortem summary is written; every clock stops. */
    public IncidentEvent close(String incidentId, String summary) {
        if (summary == null || summary.isBlank()) throw new IllegalArgumentException("give a summary: it opens the post-mortem");
        return onIoThread(() -> {
            if (stateOf(incidentId) == IncidentState.CLOSED) throw new IllegalStateException(incidentId + " is already closed");
            IncidentEvent event = append(incidentId, EventDraft.of(new EventData.Closed(summary.strip()), null));
            update("UPDATE incidents SET closed_at = ? WHERE id = ?", event.time().toEpochMilli(), incidentId);
            return event;
        });
    }

    /** Work on it again (the service failed again, or more was found): it is open, not recovered, not closed. */
    public IncidentEvent reopen(String incidentId, String reason) {
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("say why it is reopened");
        return onIoThread(() -> {
            if (stateOf(incidentId) == IncidentState.OPEN) throw new IllegalStateException(incidentId + " is open already");
            IncidentEvent event = append(incidentId, EventDraft.of(new EventData.Reopened(reason.strip()), null));
            try (PreparedStatement update = connection.prepareStatement("UPDATE incidents SET recovered_at = NULL, closed_at = NULL WHERE id = ?")) {
                update.setString(1, incidentId);
                update.executeUpdate();
                sync();
            } catch (SQLException e) {
                throw failure("reopen the incident", e);
            }
            return event;
        });
    }

    private IncidentState stateOf(String incidentId) {
        return incident(incidentId).orElseThrow(() -> new IllegalArgumentException("no incident " + incidentId + " in " + file)).state();
    }

    private void requireState(String incidentId, IncidentState expected, String otherwise) {
        IncidentState state = stateOf(incidentId);
        if (state != expected) throw new IllegalStateException(incidentId + ": " + otherwise.formatted(state.label()));
    }

    /** The incident's hash chain, and whether the file still holds every event its head file knows of. */
    public HashChain.Verification verify(String incidentId) {
        List<IncidentEvent> events = events(incidentId);
        Optional<IncidentLoss> loss = damage().flatMap(d -> d.lossOf(incidentId));
        if (loss.isPresent()) {
            return new HashChain.Verification(false, events.size(), loss.get().first(), loss.get().sentence()
                    + " (the log file is damaged; `drpilot recover` salvages what is left into a new log)");
        }
        return HashChain.verify(events);
    }

    private void update(String sql, long value, String id) {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setLong(1, value);
            update.setString(2, id);
            if (update.executeUpdate() != 1) throw new IllegalArgumentException("no incident " + id + " in " + file);
            sync();
        } catch (SQLException e) {
            throw failure("update the incident", e);
        }
    }

    private IncidentLogUnavailableException failure(String what, SQLException e) {
        return new IncidentLogUnavailableException("Could not " + what + " in " + file + ".mv.db: " + e.getMessage(), e);
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        setLong(statement, index, value == null ? null : value.toEpochMilli());
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) statement.setNull(index, Types.BIGINT);
        else statement.setLong(index, value);
    }

    private static Long nullableLong(ResultSet rs, int index) throws SQLException {
        long value = rs.getLong(index);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, int index) throws SQLException {
        Long value = nullableLong(rs, index);
        return value == null ? null : Instant.ofEpochMilli(value);
    }

    /**
     * Every read and write of the database happens on the store's own thread, and callers wait
     * for it without being interruptible: an interrupt (a cancelled step) reaching H2's file
     * channel would close it under the log, and lose the events after. A caller that was
     * interrupted while waiting gets its interrupt back once the work is done.
     */
    private <T> T onIoThread(Callable<T> work) {
        if (Thread.currentThread() == ioThread) return call(work);
        Future<T> done = io.submit(() -> call(work));
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return done.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) throw runtime;
                    if (e.getCause() instanceof Error error) throw error;
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private static <T> T call(Callable<T> work) {
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            onIoThread(() -> {
                try {
                    connection.close();
                } catch (SQLException e) {
                    if (stopped == null) throw failure("close", e);
                }
                return null;
            });
        } finally {
            if (damage == null) LogInspection.closed(file);
            io.shutdown();
            if (copyRead != null) LogInspection.forget(copyRead);
        }
    }
}
