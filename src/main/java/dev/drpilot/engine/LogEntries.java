package dev.drpilot.engine;

import dev.drpilot.incident.EventData;
import dev.drpilot.incident.IncidentEvent;
import java.time.Instant;

/**
 * What people add to an incident's log beside its steps: notes, decisions, gaps a test found, a rehearsal's injects. Open
 * to anyone, whoever drives the incident. Reached through {@link IncidentRun#entries()}.
 */
public final class LogEntries {

    private final IncidentJournal journal;

    LogEntries(IncidentJournal journal) {
        this.journal = journal;
    }

    /** A note; {@code occurredAt} is an earlier moment it is about, when added after the fact (else null). */
    public IncidentEvent note(String text, Instant occurredAt) {
        return journal.note(text, occurredAt);
    }

    public IncidentEvent decision(String text) {
        return journal.record(new EventData.Decision(text), null);
    }

    /** A gap the test found, with its remediation's owner and due day: open to anyone, the incident closed or not. */
    public IncidentEvent gap(EventData.GapRecorded gap) {
        return journal.record(gap, null);
    }

    /** A rehearsal's news for the players (an inject), with where it came from and its scripted time. */
    public IncidentEvent inject(EventData.Inject inject) {
        return journal.record(inject, null);
    }
}
