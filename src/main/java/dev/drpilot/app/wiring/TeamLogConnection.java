package dev.drpilot.app.wiring;

import dev.drpilot.engine.ApprovalDecision;
import dev.drpilot.engine.ApprovalDesk;
import dev.drpilot.engine.ApprovalDeskException;
import dev.drpilot.engine.IncidentListener;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepRun;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.teamlog.Approval;
import dev.drpilot.teamlog.IncidentWatch;
import dev.drpilot.teamlog.OutboxStatus;
import dev.drpilot.teamlog.OutboxWorker;
import dev.drpilot.teamlog.Responder;
import dev.drpilot.teamlog.TeamEvent;
import dev.drpilot.teamlog.TeamLogDatabase;
import dev.drpilot.teamlog.TeamLogException;
import dev.drpilot.teamlog.TeamLogStore;
import dev.drpilot.teamlog.Writer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A local log's link to its team log: the incidents it follows are pushed after each of their
 * events is in the local log, on the outbox's own thread, and again while the team log cannot be
 * reached until it can; and the desk where its steps' approval requests go and their decisions come
 * back.
 */
public final class TeamLogConnection implements ApprovalDesk, AutoCloseable {

    private final TeamLogDatabase database;
    private final TeamLogStore store;
    private final Writer writer;
    private final OutboxWorker outbox;
    private final TeamLogStepLeases leases;

    TeamLogConnection(
            TeamLogDatabase database,
            TeamLogStore store,
            Writer writer,
            OutboxWorker outbox,
            TeamLogStepLeases leases) {
        this.database = database;
        this.store = store;
        this.writer = writer;
        this.outbox = outbox;
        this.leases = leases;
    }

    /** Watches the incident's responders and the other laptops' events in the team log, until closed. */
    public IncidentWatch watch(
            String incidentId, Consumer<List<Responder>> responders, Consumer<TeamEvent> othersEvents) {
        return IncidentWatch.start(database, incidentId, writer.laptop(), responders, othersEvents);
    }

    /**
     * Puts the step's request for a second person's approval in the team log, where `drpilot approve` finds it (again
     * after a resume: a request is stored once).
     */
    @Override
    public void ask(String incidentId, String stepId, EventData.ApprovalRequested request) {
        try {
            store.requestApproval(Approval.requested(
                    request.requestId(),
                    incidentId,
                    stepId,
                    writer,
                    request.command(),
                    request.target(),
                    request.account()));
        } catch (TeamLogException e) {
            throw new ApprovalDeskException(e.getMessage(), e);
        }
    }

    /** The decision another responder stored in the team log, empty while the request waits. */
    @Override
    public Optional<ApprovalDecision> decision(String requestId) {
        try {
            return store.approval(requestId)
                    .filter(Approval::decided)
                    .map(decided -> decided.approved()
                            ? new ApprovalDecision.Given(decided.decidedBy(), decided.reason())
                            : new ApprovalDecision.Refused(decided.decidedBy(), decided.reason()));
        } catch (TeamLogException e) {
            throw new ApprovalDeskException(e.getMessage(), e);
        }
    }

    /**
     * Sends the run's events now and after each one the run writes or reads from another process on this log, and
     * runs a step only when the team log grants this laptop its lease.
     */
    public void follow(IncidentRun run) {
        run.team().leaseStepsFrom(leases);
        run.addListener(new IncidentListener() {
            @Override
            public void stepChanged(StepRun step) {}

            @Override
            public void logged(IncidentEvent event) {
                outbox.nudge(run.incidentId());
            }
        });
        outbox.nudge(run.incidentId());
    }

    /** Sends what the team log does not hold yet of this incident (an event appended without a run: a note). */
    public void send(String incidentId) {
        outbox.nudge(incidentId);
    }

    /** Asks whether the team log can be reached (before any incident is followed), without waiting. */
    public void reach() {
        outbox.nudge();
    }

    /** Hears the outbox's status whenever it changes, on the outbox's thread. */
    public void onChange(Consumer<OutboxStatus> listener) {
        outbox.onChange(listener);
    }

    /** Pushes now and waits at most {@code bound} for it: how the outbox stands then (null when no push ended in time). */
    public OutboxStatus drain(Duration bound) throws InterruptedException {
        return outbox.drain(bound);
    }

    /** "team log at HOST:PORT/DATABASE as USER": never the password. */
    @Override
    public String toString() {
        return database.toString();
    }

    /** Stops pushing, then closes the connection; call before the local log closes. */
    @Override
    public void close() {
        outbox.close();
        store.close();
        leases.close();
    }
}
