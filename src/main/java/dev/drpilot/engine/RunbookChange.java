package dev.drpilot.engine;

import dev.drpilot.incident.EventData;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.SecretRedactor;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookVersion;
import dev.drpilot.runbook.UnifiedDiff;
import java.util.List;
import java.util.Optional;

/**
 * The runbook file of an incident changed since its log recorded it: the version recorded, the
 * file's version now, and their difference line by line. The log keeps a runbook's text redacted,
 * so the file's text is redacted the same way before the two are compared.
 *
 * @param diff the unified diff, recorded text first; empty when the texts differ only where the log redacts or in line endings
 */
public record RunbookChange(String incidentId, RunbookVersion recorded, RunbookVersion current, List<String> diff) {

    public RunbookChange {
        diff = List.copyOf(diff);
    }

    /** The change for {@code incident} if it is resumed on {@code runbook}; empty when it is the same or the log recorded none. */
    public static Optional<RunbookChange> of(IncidentLogStore log, Incident incident, Runbook runbook) {
        return of(incident.id(), log.events(incident.id()), runbook, log.redactor());
    }

    static Optional<RunbookChange> of(
            String incidentId, List<IncidentEvent> events, Runbook runbook, SecretRedactor redactor) {
        Optional<RunbookVersion> recorded = RunbookVersions.current(events);
        if (recorded.isEmpty() || recorded.get().sameAs(runbook.version())) return Optional.empty();
        RunbookVersion now = runbook.version();
        List<String> diff = UnifiedDiff.of(
                recorded.get().label() + " (as " + incidentId + " recorded it)",
                recorded.get().text(),
                now.label() + " (the file now)",
                redactor.redact(now.text()));
        return Optional.of(new RunbookChange(incidentId, recorded.get(), now, diff));
    }

    /** What happened, in one sentence. */
    public String sentence() {
        return "The runbook " + current.file() + " changed since " + incidentId + " recorded it: it was version "
                + recorded.shortId() + ", the file is now version " + current.shortId() + ".";
    }

    /** The diff as text, or what differs when no line does. */
    public String diffText() {
        if (diff.isEmpty())
            return "No line differs as the log shows them: the change is in line endings or in values the log redacts.";
        return String.join("\n", diff);
    }

    /** Whether {@code other} is this very change (the one the operator saw and accepted). */
    public boolean sameAs(RunbookChange other) {
        return other != null && recorded.sameAs(other.recorded) && current.sameAs(other.current);
    }

    /**
     * Writes into the incident's log that it now runs the changed runbook. The engine does it when
     * its resume takes the incident; a resume that only follows another driver does it after taking over.
     */
    public void recordIn(IncidentRun run) {
        run.journal().record(new EventData.RunbookChanged(RunbookVersions.file(current), recorded.sha256()), null);
    }
}
