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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
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
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Connection connection;
    private final LogHead head;
    /** Set when the file lost events: it is open read-only, and every write is refused. */
    private final LogDamage damage;
    /** The first write that failed: H2 closes the database after it, so later writes say why. */
    private volatile IncidentLogUnavailableException stopped;
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

    private IncidentLogStore(Path file, Connection connection, Clock clock, String actor, LogDamage damage) {
        this.io = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "drpilot-log-io");
            thread.setDaemon(true);
            ioThread = thread;
            return thread;
        });
        this.file = file;
        this.connection = connection;
        this.head = new LogHead(file);
        this.damage = damage;
        this.clock = clock;
        this.actor = actor;
        this.drivers = new IncidentDrivers(this, Seat.here(actor), clock);
        if (damage == null) LogInspection.opened(file);
    }

    /**
     * Opens (creating and migrating when needed) the log at {@code file}, an H2 database path
     * without its {@code .mv.db} ending. A file that holds fewer events than its head file says is
     * copied aside and opened read-only ({@link #damage()}); one that cannot be read is an error.
     *
     * @throws IncidentLogUnavailableException with one sentence that names the file, why it cannot be used and what to do
     */
    public static IncidentLogStore open(Path file, Clock clock, String actor) {
        String url = "jdbc:h2:file:" + pathInUrl(file) + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        Path database = file.toAbsolutePath().resolveSibling(file.getFileName() + ".mv.db");
        writableFolder(database);
        LogInspection.Outcome inspected = LogInspection.inspect(file, new LogHead(file), clock);
        if (inspected.damage() != null) return new IncidentLogStore(file, inspected.readOnly(), clock, actor, inspected.damage());
        try {
            Flyway.configure().dataSource(url, "sa", "").locations("classpath:dev/drpilot/incident/migration")
                    .loggers("slf4j").load().migrate();
            Connection connection = DriverManager.getConnection(url, "sa", "");
            connection.setAutoCommit(true);
            return new IncidentLogStore(file, connection, clock, actor, inspected.inUse() ? LogInspection.shared(connection, file, clock) : null);
        } catch (Exception e) {
            String text = e.getMessage() == null ? e.toString() : e.getMessage();
            if (text.contains("90020") || text.contains("already in use")) {
                throw unavailable(database, "another process holds it (if another DR Pilot has it open, work there, or close it and try again)", e);
            }
            throw unavailable(database, text.lines().findFirst().orElse(text), e);
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
            throw stop(LogWriteFailure.notWritten(database(), what, e));
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
                    if (!"23505".equals(e.getSQLState())) throw stop(LogWriteFailure.notWritten(database(), LogWriteFailure.what(incidentId, draft), e));
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
            throw stop(LogWriteFailure.notSynced(database(), event, LogWriteFailure.what(incidentId, draft), e));
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

    private IncidentLogUnavailableException stop(IncidentLogUnavailableException failure) {
        if (stopped == null && LogWriteFailure.brokeTheFile(failure)) stopped = failure;
        return failure;
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
        if (last == 0) return new Tail(0, HashChain.GENESIS);
        try (PreparedStatement hash = connection.prepareStatement("SELECT hash FROM events WHERE incident_id = ? AND sequence = ?")) {
            hash.setString(1, incidentId);
            hash.setLong(2, last);
            try (ResultSet rs = hash.executeQuery()) {
                rs.next();
                return new Tail(last, rs.getString(1));
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
        return onIoThread(() -> {
            List<IncidentEvent> events = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT sequence, time_ms, kind, actor, step_id, payload, corrects, occurred_at, previous_hash, hash"
                            + " FROM events WHERE incident_id = ? AND sequence > ? ORDER BY sequence")) {
                select.setString(1, incidentId);
                select.setLong(2, afterSequence);
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
        }
    }
}
