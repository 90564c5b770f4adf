package dev.drpilot.incident;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The incident log, one facade over its parts: the events ({@link H2EventStore}, written by
 * {@link EventWriter}: committed, synced, then recorded in the head file; read through {@link LogDatabase}), the
 * incidents' rows and lives ({@link IncidentLifecycle}, {@link #life()}), who drives them ({@link IncidentDrivers}), the
 * readiness runs ({@link #readiness()}), going on in another folder ({@link StoreContinuation}) and opening
 * ({@link LogOpening}). All of it runs on one {@link LogThread}.
 */
public final class IncidentLogStore implements IncidentLogView {

    private final LogThread thread = new LogThread();
    private final LogDatabase database;
    private final LogDamage damage;
    private final StoppedWrites stops = new StoppedWrites();
    private final EventClocks clocks;
    private final SecretRedactor redactor = new SecretRedactor();
    private final String actor;
    private final EventWriter writer;
    private final IncidentDrivers drivers;
    private final LifeEvents life;
    private final ReadinessRuns readiness;
    /** A copy of the file this store reads instead of it (a log left open by a process that is gone), deleted on close; else null. */
    private final Path copyRead;

    IncidentLogStore(Path file, Connection connection, Clock clock, String actor, LogDamage damage, Path copyRead) {
        this.database = new LogDatabase(thread, new LogPlace(file, new H2EventStore(connection, thread)));
        this.damage = damage;
        this.clocks = new EventClocks(clock);
        this.actor = actor;
        this.writer = new EventWriter(database::place, damage, clocks, redactor, stops, actor);
        this.drivers = new IncidentDrivers(this, Seat.here(actor), clock);
        this.life = new LifeEvents(thread, new IncidentLifecycle(this, writer, clocks, redactor));
        this.readiness = new ReadinessRuns(this, writer, redactor, actor);
        this.copyRead = copyRead;
        if (damage == null) LogInspection.opened(file);
    }

    /** Opens the log as {@link #open(Path, Clock, String, Consumer)} does, with nobody to tell about a wait. */
    public static IncidentLogStore open(Path file, Clock clock, String actor) {
        return open(file, clock, actor, wait -> {});
    }

    /** Opens the log for writing, made and migrated when needed: see {@link LogOpening#forWriting}. */
    public static IncidentLogStore open(Path file, Clock clock, String actor, Consumer<String> waits) {
        return LogOpening.forWriting(file, clock, actor, waits);
    }

    /** Opens an existing log only to read it (verify, incidents, scorecard): see {@link LogOpening#toRead}. */
    public static IncidentLogStore openToRead(Path file, Clock clock, String actor) {
        return LogOpening.toRead(file, clock, actor);
    }

    /** The per-user data folder of this OS: where the log lives unless the operator says otherwise. */
    public static Path defaultLocation() {
        return DataFolder.incidentLog();
    }

    @Override
    public Path file() {
        return database.place().file();
    }

    /** What opening found missing from the file, when it did: the log is then read-only. */
    @Override
    public Optional<LogDamage> damage() {
        return Optional.ofNullable(damage);
    }

    /** Where the files of one incident's steps go: {@code files/INCIDENT} beside the log (not made here). */
    public Path incidentFolder(String incidentId) {
        return file().toAbsolutePath().getParent().resolve("files").resolve(incidentId);
    }

    public SecretRedactor redactor() {
        return redactor;
    }

    /** Who one incident's next events are written as (its operator, as the AWS identity its steps use); the others keep theirs. */
    public void setActor(String incidentId, String incidentActor) {
        writer.actAs(incidentId, incidentActor);
    }

    /** Declares an incident and writes its first event. */
    public Incident declare(NewIncident request, Map<String, String> params) {
        return declare(request, params, null, null, clocks.log());
    }

    /**
     * Declares an incident whose events are stamped by {@code time} rather than the log's clock:
     * a tabletop rehearsal runs on its own, compressible clock.
     *
     * @param runbookFile the runbook file the incident runs, recorded in its declaration (its text redacted as any payload)
     */
    public Incident declare(
            NewIncident request,
            Map<String, String> params,
            String exercise,
            EventData.RunbookFile runbookFile,
            Clock time) {
        return life.declare(request, params, exercise, runbookFile, time);
    }

    public IncidentEvent append(String incidentId, EventData data, String stepId) {
        return append(incidentId, EventDraft.of(data, stepId));
    }

    /** From now on, stamps the incident's events with {@code time} (a rehearsal taken up again on its own clock). */
    public void keepTimeFor(String incidentId, Clock time) {
        clocks.keep(incidentId, time);
    }

    /** Writes an event and commits it before returning; a note too long, dated in the future or correcting nothing is refused. */
    public IncidentEvent append(String incidentId, EventDraft draft) {
        return appendAll(incidentId, List.of(draft)).getFirst();
    }

    /**
     * Writes events a step produces together (a page of keys, a batch of restored items) in one
     * transaction, one sync and one head-file update: all of them, or none.
     */
    public List<IncidentEvent> appendAll(String incidentId, List<EventDraft> drafts) {
        return drafts.isEmpty() ? List.of() : thread.run(() -> writer.append(incidentId, drafts));
    }

    /**
     * Hears, once, that the log stopped taking writes (a full disk, a failing one), with the
     * failure in words; called on the log's own thread, the moment it happens.
     */
    @Override
    public void whenStopped(Consumer<String> listener) {
        stops.whenStopped(listener);
    }

    /** Whether a failed write stopped the log: it takes writes again only once continued in another folder. */
    public boolean stopped() {
        return stops.stopped();
    }

    /**
     * Goes on in a new log of the same name in {@code folder} (on another disk): every committed
     * event is copied there with its hash, this store's claims are taken along, and from now on
     * every read and write goes there. The event whose write stopped the log is written there when
     * the copy does not hold it already; the report names it either way.
     *
     * @throws IncidentLogUnavailableException with one sentence when it cannot (a damaged log, a folder that holds a log)
     */
    @Override
    public LogContinuation.Report continueIn(Path folder) {
        return thread.run(() -> new StoreContinuation(database.place(), thread, stops)
                .into(
                        folder,
                        damage,
                        clocks.log(),
                        actor,
                        moved -> {
                            database.moveTo(moved);
                            drivers.claimAgain(moved.store().connection());
                        },
                        writer::writeAgain));
    }

    /** Some work on the database, on the store's thread. */
    <T> T withConnection(String what, H2EventStore.SqlWork<T> work) {
        return database.withConnection(what, work);
    }

    /** The readiness runs kept in this log, outside any incident. */
    public ReadinessRuns readiness() {
        return readiness;
    }

    /** The failure start, recovered, closed and reopened of this log's incidents. */
    public LifeEvents life() {
        return life;
    }

    /** Every incident, open ones first, newest first. */
    @Override
    public List<Incident> incidents() {
        return withConnection("list the incidents", IncidentRows::all);
    }

    public Optional<Incident> incident(String id) {
        return withConnection("read incident " + id, connection -> IncidentRows.one(connection, id));
    }

    /** The incident's hash chain, and whether the file still holds every event its head file knows of. */
    public HashChain.Verification verify(String incidentId) {
        return damage == null ? HashChain.verify(events(incidentId)) : damage.verify(incidentId, events(incidentId));
    }

    public List<IncidentEvent> events(String incidentId) {
        return events(incidentId, 0);
    }

    /** Events after a sequence number, for readers that follow the log as it grows. */
    public List<IncidentEvent> events(String incidentId, long afterSequence) {
        return database.events(incidentId, afterSequence);
    }

    /** The events after {@code afterSequence} up to {@code upToSequence}, in order, a page at a time (see {@link LogDatabase}). */
    public void forEachEvent(String incidentId, long afterSequence, long upToSequence, Consumer<IncidentEvent> each) {
        database.forEachEvent(incidentId, afterSequence, upToSequence, each);
    }

    /**
     * The events after a sequence that this store did not write: what another process (a window,
     * the command line) added to the log. {@code upTo} is the last sequence read, to ask after next.
     */
    public ForeignEvents eventsFromElsewhere(String incidentId, long afterSequence) {
        return thread.run(() -> writer.fromElsewhere(incidentId, afterSequence));
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
        thread.run(() -> writer.adopt(incidents, events));
    }

    @Override
    public void close() {
        try {
            if (stops.stopped()) StoreContinuation.closeQuietly(database.place().store());
            else database.place().store().close();
        } finally {
            if (damage == null) LogInspection.closed(file());
            thread.shutdown();
            if (copyRead != null) LogInspection.forget(copyRead);
        }
    }
}
