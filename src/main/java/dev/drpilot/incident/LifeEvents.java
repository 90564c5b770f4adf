package dev.drpilot.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * An incident's life in the log: declared (through {@link IncidentLogStore#declare}), its failure start set back,
 * recovered, closed, reopened; each written as an event on the log's thread and kept in the incident's row by {@link
 * IncidentLifecycle}. Reached through {@link IncidentLogStore#life()}.
 */
public final class LifeEvents {

    private final LogThread thread;
    private final IncidentLifecycle lifecycle;

    LifeEvents(LogThread thread, IncidentLifecycle lifecycle) {
        this.thread = thread;
        this.lifecycle = lifecycle;
    }

    Incident declare(
            NewIncident request,
            Map<String, String> params,
            String exercise,
            EventData.RunbookFile runbookFile,
            Clock time) {
        return thread.run(() -> lifecycle.declared(request, params, exercise, runbookFile, time));
    }

    /** Sets the incident's start back to when the failure began (detection often comes later). */
    public IncidentEvent setFailureStart(String incidentId, Instant failureStartedAt, String reason) {
        return thread.run(() -> lifecycle.failureStartedAt(incidentId, failureStartedAt, reason));
    }

    /**
     * The service is back: the RTO clock stops here.
     *
     * @param said who or what said so (the operator, or the steps that proved it), and a note
     */
    public IncidentEvent recovered(String incidentId, EventData.Recovered said) {
        return thread.run(() -> lifecycle.recovered(incidentId, said));
    }

    /** The incident is over: its post-mortem summary is written; every clock stops. */
    public IncidentEvent close(String incidentId, String summary) {
        if (summary == null || summary.isBlank())
            throw new IllegalArgumentException("give a summary: it opens the post-mortem");
        return thread.run(() -> lifecycle.closed(incidentId, summary.strip()));
    }

    /** Work on it again (the service failed again, or more was found): it is open, not recovered, not closed. */
    public IncidentEvent reopen(String incidentId, String reason) {
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("say why it is reopened");
        return thread.run(() -> lifecycle.reopened(incidentId, reason.strip()));
    }
}
