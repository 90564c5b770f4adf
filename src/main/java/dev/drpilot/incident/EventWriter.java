package dev.drpilot.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Supplier;

/**
 * Turns what the log is told (drafts) into chained events and writes them: each stamped with its
 * incident's clock and actor, redacted, hashed onto the incident's newest event, stored (committed
 * and synced), then recorded in the head file. Only then is an event acknowledged. Runs on the
 * log's thread.
 */
final class EventWriter {

    /** The longest note, decision or correction: a page of text, not a pasted log file. */
    private static final int APPEND_ATTEMPTS = 5;

    private final Supplier<LogPlace> place;
    /** Set when the file lost events: every write is refused. */
    private final LogDamage damage;

    private final EventClocks clocks;
    private final SecretRedactor redactor;
    private final StoppedWrites stops;
    private final String actor;
    private final Map<String, String> actors = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** By incident: the sequences this log wrote that a follower has not read past yet (another process wrote the rest). */
    private final Map<String, NavigableSet<Long>> written = new ConcurrentHashMap<>();

    EventWriter(
            Supplier<LogPlace> place,
            LogDamage damage,
            EventClocks clocks,
            SecretRedactor redactor,
            StoppedWrites stops,
            String actor) {
        this.place = place;
        this.damage = damage;
        this.clocks = clocks;
        this.redactor = redactor;
        this.stops = stops;
        this.actor = actor;
    }

    /** Who one incident's next events are written as; the others keep theirs. */
    void actAs(String incidentId, String incidentActor) {
        actors.put(incidentId, incidentActor);
    }

    /** Refuses a write while the file is damaged, or after a write stopped the log. */
    void refuse(String what) {
        if (damage != null) throw new IncidentLogUnavailableException(damage.refusal(what), null);
        stops.refuse(what);
    }

    /** An incident's first event, which makes its row as it commits: a crash cannot leave an incident without events. */
    IncidentEvent declare(String incidentId, EventDraft draft) {
        String what = "the declaration of " + incidentId;
        try {
            return stored(
                            what,
                            incidentId,
                            null,
                            chained(incidentId, List.of(draft), EventStore.Tail.NONE),
                            true,
                            connection -> null)
                    .getFirst();
        } catch (ChainConflictException e) {
            throw new IncidentLogUnavailableException(
                    "Not written: " + what + ", whose id another process took a moment ago; declare it again.", e);
        }
    }

    /**
     * Writes drafts of one incident in one transaction, one sync and one head-file update; when
     * another process appended first, they are chained again onto its events.
     */
    List<IncidentEvent> append(String incidentId, List<EventDraft> drafts) {
        String what = drafts.size() == 1
                ? LogWriteFailure.what(incidentId, drafts.getFirst())
                : "the " + drafts.size() + " events for " + incidentId;
        refuse(what);
        for (EventDraft draft : drafts) refuseNonsense(incidentId, draft);
        ChainConflictException last = null;
        for (int attempt = 0; attempt < APPEND_ATTEMPTS; attempt++) {
            try {
                return stored(
                        what,
                        incidentId,
                        drafts,
                        chained(incidentId, drafts, tail(what, incidentId, drafts)),
                        true,
                        connection -> null);
            } catch (ChainConflictException e) {
                last = e;
            }
        }
        throw new IncidentLogUnavailableException(
                "Could not write to the incident log in " + place.get().database() + ": " + last.getMessage(), last);
    }

    /**
     * Adds events written in another log, as they are, with their incidents' rows as that log has
     * them, in one transaction; each incident's first added event must follow this log's newest one.
     */
    Void adopt(List<Incident> incidents, List<IncidentEvent> events) {
        refuse("the merged events");
        try {
            stored("the " + events.size() + " merged events", null, null, events, false, connection -> {
                for (Incident incident : incidents) IncidentRows.merge(connection, incident);
                return null;
            });
        } catch (ChainConflictException e) {
            IncidentEvent first = events.getFirst();
            throw new IncidentLogUnavailableException(
                    "Not merged: " + first.incidentId() + " gained events in "
                            + place.get().database()
                            + " while merging (its newest is now event "
                            + place.get().store().tail(first.incidentId()).sequence() + ");"
                            + " nothing was changed, run the merge again.",
                    e);
        }
        return null;
    }

    private EventStore.Tail tail(String what, String incidentId, List<EventDraft> drafts) {
        LogPlace at = place.get();
        try {
            return at.store().tail(incidentId);
        } catch (EventStoreException e) {
            throw stops.stop(
                    LogWriteFailure.notWritten(at.database(), what, (Exception) e.getCause()),
                    new StoppedWrites.Unwritten(what, incidentId, drafts, null));
        }
    }

    private List<IncidentEvent> stored(
            String what,
            String incidentId,
            List<EventDraft> drafts,
            List<IncidentEvent> events,
            boolean hashedHere,
            H2EventStore.SqlWork<?> rows) {
        LogPlace at = place.get();
        try {
            if (hashedHere) at.store().appendHashedHere(events, rows);
            else at.store().append(events, rows);
        } catch (EventStoreException e) {
            Exception cause = (Exception) e.getCause();
            IncidentEvent maybe = e.mayBeStored() ? events.getLast() : null;
            StoppedWrites.Unwritten unwritten =
                    incidentId == null ? null : new StoppedWrites.Unwritten(what, incidentId, drafts, maybe);
            throw stops.stop(
                    maybe == null
                            ? LogWriteFailure.notWritten(at.database(), what, cause)
                            : LogWriteFailure.notSynced(at.database(), maybe, what, cause),
                    unwritten);
        }
        List<LogHead.Entry> newest = new ArrayList<>();
        for (IncidentEvent event : events) {
            newest.removeIf(entry -> entry.incidentId().equals(event.incidentId()));
            newest.add(new LogHead.Entry(event.incidentId(), event.sequence(), event.hash()));
            if (incidentId != null)
                written.computeIfAbsent(incidentId, id -> new ConcurrentSkipListSet<>())
                        .add(event.sequence());
        }
        try {
            at.head().record(newest);
        } catch (IOException e) {
            throw LogWriteFailure.headNotWritten(at.database(), at.head().file(), events.getLast(), e);
        }
        return events;
    }

    private List<IncidentEvent> chained(String incidentId, List<EventDraft> drafts, EventStore.Tail tail) {
        List<IncidentEvent> events = new ArrayList<>(drafts.size());
        long sequence = tail.sequence();
        String previousHash = tail.hash();
        String who = redactor.redact(actors.getOrDefault(incidentId, actor));
        MessageDigest sha256 = HashChain.sha256();
        for (EventDraft draft : drafts) {
            sequence++;
            long time = clocks.of(incidentId).millis();
            String payload = payloadText(draft.data());
            Long occurredAt =
                    draft.occurredAt() == null ? null : draft.occurredAt().toEpochMilli();
            String hash = HashChain.hash(
                    sha256,
                    incidentId,
                    sequence,
                    time,
                    draft.kind(),
                    who,
                    draft.stepId(),
                    payload,
                    draft.corrects(),
                    occurredAt,
                    previousHash);
            events.add(new IncidentEvent(
                    incidentId,
                    sequence,
                    Instant.ofEpochMilli(time),
                    draft.kind(),
                    who,
                    draft.stepId(),
                    payload,
                    draft.corrects(),
                    occurredAt == null ? null : Instant.ofEpochMilli(occurredAt),
                    previousHash,
                    hash));
            previousHash = hash;
        }
        return events;
    }

    /** What the operator writes (notes, decisions, corrections) is checked before it becomes a line of the record. */
    private void refuseNonsense(String incidentId, EventDraft draft) {
        if (draft.data() instanceof EventData.Said said
                && said.text() != null
                && said.text().length() > EventData.Said.MAX_TEXT) {
            throw new IllegalArgumentException(
                    "a note holds at most " + EventData.Said.MAX_TEXT + " characters (this one has "
                            + said.text().length() + "): save the rest in a file and name the file in the note");
        }
        Instant now = Instant.ofEpochMilli(clocks.of(incidentId).millis());
        if (draft.occurredAt() != null && draft.occurredAt().isAfter(now.plusSeconds(60))) {
            throw new IllegalArgumentException(
                    "it happened at " + draft.occurredAt() + ", which is in the future: give when it happened, in UTC");
        }
        if (draft.corrects() != null) {
            long newest = place.get().store().tail(incidentId).sequence();
            if (draft.corrects() < 1 || draft.corrects() > newest) {
                throw new IllegalArgumentException(
                        "there is no event " + draft.corrects() + " in " + incidentId + " (its events are 1 to "
                                + newest + "): `drpilot export " + incidentId + " --format md` lists them");
            }
        }
    }

    private String payloadText(EventData data) {
        try {
            return json.writeValueAsString(redactor.redact(EventCodec.tree(data)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("event payload is not representable as JSON: " + e.getMessage(), e);
        }
    }

    /** The events after a sequence that this log did not write; {@code upTo} is the last sequence read, to ask after next. */
    ForeignEvents fromElsewhere(String incidentId, long afterSequence) {
        List<IncidentEvent> all = place.get().store().events(incidentId, afterSequence);
        NavigableSet<Long> mine = written.getOrDefault(incidentId, new ConcurrentSkipListSet<>());
        long upTo = all.isEmpty() ? afterSequence : all.getLast().sequence();
        List<IncidentEvent> theirs =
                all.stream().filter(e -> !mine.contains(e.sequence())).toList();
        mine.headSet(upTo, true).clear();
        return new ForeignEvents(theirs, upTo);
    }

    /** The write that stopped the old log, made in the one it goes on in, unless the copy holds it already. */
    String writeAgain(StoppedWrites.Unwritten pending) throws SQLException {
        IncidentEvent was = pending.maybeWritten();
        if (was != null && was.hash().equals(place.get().store().hashAt(was.incidentId(), was.sequence()))) {
            return "The write that failed, " + pending.what() + ", reached the old log before it stopped: it is event "
                    + was.sequence() + " of " + was.incidentId() + " in the new log too.";
        }
        if (pending.drafts() == null) return "Not written: " + pending.what() + "; declare it again.";
        IncidentEvent written = append(pending.incidentId(), pending.drafts()).getLast();
        return "Not written to the old log: " + pending.what() + "; written to the new log as event "
                + written.sequence() + " of " + written.incidentId() + ".";
    }
}
