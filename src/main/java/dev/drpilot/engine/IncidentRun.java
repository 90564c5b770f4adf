package dev.drpilot.engine;

import dev.drpilot.action.ActionRegistry;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentState;
import dev.drpilot.runbook.Runbook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One incident's runbook in execution, as its callers command it: run, confirm, tick off, skip, retry, cancel, add a step,
 * and the incident's life (recovered, closed); notes and decisions through {@link #entries()}, approvals and leases through
 * {@link #team()}, who drives it through {@link #driving()}. The log hears of every change first. The steps are on a
 * {@link StepBoard}; the {@link StepScheduler} runs them on the executor passed in, never on the caller's thread; {@link
 * IncidentReplay} puts them where the log says; {@link RunDriver} drives a run to its end. Only the DR Pilot that drives the
 * incident runs its steps ({@link DrivingSeat}); notes, decisions and the incident's life are open to anyone. Every change
 * of the steps happens under this run's lock.
 */
public final class IncidentRun implements AutoCloseable {

    private final Runbook runbook;
    private final String incidentId;
    private final Clock clock;
    private final IncidentListeners listeners = new IncidentListeners();
    private final IncidentJournal journal;
    private final StepInputs inputs;
    private final StepBoard board;
    private final IncidentLife life;
    private final StepScheduler scheduler;
    private final IncidentReplay replay;
    private final DrivingSeat seat;
    private final RunDriving driving;
    private final TeamSteps team;
    private final LogEntries entries;

    /** @param events the incident's events in the log as it was opened, for its figures and clocks */
    IncidentRun(
            Runbook runbook,
            Incident incident,
            List<IncidentEvent> events,
            IncidentLogStore log,
            ActionRegistry actions,
            ExecutorService executor,
            Clock clock,
            StepExecution.Settings settings,
            ParameterValues params,
            long builtUpTo) {
        this.runbook = runbook;
        this.incidentId = incident.id();
        this.clock = clock;
        this.journal = new IncidentJournal(log, incidentId, listeners::logged);
        this.inputs = new StepInputs(runbook, incidentId, actions, journal, clock, params);
        this.board = new StepBoard(this, runbook, inputs, journal, listeners);
        Wheel wheel = new Wheel(log.drivers(), incidentId);
        this.life = new IncidentLife(this, log, incident, events, runbook, journal, board, wheel, clock, listeners);
        this.scheduler = new StepScheduler(
                this, board, inputs, life, journal, listeners, actions, executor, clock, settings, wheel);
        this.replay = new IncidentReplay(board, scheduler, life, journal, clock);
        this.seat = new DrivingSeat(this, incidentId, log, wheel, scheduler, replay, life, listeners, builtUpTo);
        this.driving = new RunDriving(seat);
        this.team = new TeamSteps(this, life, seat, scheduler);
        this.entries = new LogEntries(journal);
    }

    public String incidentId() {
        return incidentId;
    }

    /** The time this incident runs on: the wall clock, or a rehearsal's compressed one. */
    public Clock clock() {
        return clock;
    }

    /** The parameter values as given, secrets left out (for the live status panel). */
    public Map<String, String> parameterValues() {
        return inputs.parameterValues();
    }

    public Runbook runbook() {
        return runbook;
    }

    /** The incident's row as last read: the figures of a screen count from it what its events do not say. */
    public Incident incident() {
        return life.incident();
    }

    public IncidentState state() {
        return life.state();
    }

    public void addListener(IncidentListener listener) {
        listeners.add(listener);
    }

    void removeListener(IncidentListener listener) {
        listeners.remove(listener);
    }

    public List<StepRun> steps() {
        return board.steps();
    }

    public StepRun step(String stepId) {
        return board.step(stepId);
    }

    /** Which DR Pilot drives the incident: following the log, the driver elsewhere, taking over. */
    public RunDriving driving() {
        return driving;
    }

    /** Notes, decisions, gaps and injects: what people add to the log beside the steps. */
    public LogEntries entries() {
        return entries;
    }

    /** Second-person approvals and the team log's step leases. */
    public TeamSteps team() {
        return team;
    }

    /**
     * DR Pilot is being stopped ({@code cause}, as "the operator stopped DR Pilot (SIGTERM)"): each step this process runs ends
     * interrupted, the cause in the log, so that a resume offers it again; returns the steps as they ended, or after {@code within}.
     */
    public List<StepRun> interruptForExit(String cause, Duration within) throws InterruptedException {
        return scheduler.interruptAll(cause, within);
    }

    /** Puts the steps where the log of a resumed incident says they stand. */
    void replay(List<IncidentEvent> events) {
        replay.replay(events);
    }

    IncidentJournal journal() {
        return journal;
    }

    /** Stops following the log and lets go of the incident, so another DR Pilot may drive it without taking it over. */
    @Override
    public void close() {
        seat.release();
    }

    /** Runs one step (or asks for its confirmation first, when it is destructive). */
    public synchronized Future<?> start(String stepId) {
        life.refuseWhenClosed();
        seat.take(false);
        return scheduler.start(stepId);
    }

    /** Runs the steps in order until one needs a confirmation, fails, or all are done. */
    public synchronized Future<?> runToNextConfirmation() {
        life.refuseWhenClosed();
        seat.take(false);
        return scheduler.runToNextConfirmation();
    }

    /** The operator typed the confirmation text of a destructive step; it starts if the text matches. */
    public synchronized Future<?> confirm(String stepId, String typed) {
        seat.take(false);
        return scheduler.confirm(stepId, typed);
    }

    /** The operator ticks a manual step off, with a note and the values it records. */
    public synchronized void tickOff(String stepId, String note, Map<String, String> values) {
        seat.take(false);
        scheduler.tickOff(stepId, note, values);
    }

    /** Skips a step with a reason, which the post-mortem will show. */
    public synchronized void skip(String stepId, String reason) {
        seat.take(false);
        scheduler.skip(stepId, reason);
    }

    /** Stops a running or waiting step; its resource may be half-changed. */
    public synchronized void cancel(String stepId) {
        seat.take(false);
        scheduler.cancel(stepId);
    }

    /** Adds a manual step after another one (or at the end when {@code afterStepId} is null). */
    public synchronized StepRun addManualStep(String afterStepId, String title, String instructions) {
        seat.take(false);
        EventData.StepAdded added = new EventData.StepAdded(board.nextAddedId(), afterStepId, title, instructions);
        journal.record(added, null);
        return board.insertManualStep(added);
    }

    /** Sets the incident's start back to when the failure began: the clocks count from it, the post-mortem shows the time to declare. */
    public IncidentEvent setFailureStart(Instant failureStartedAt, String reason) {
        return life.setFailureStart(failureStartedAt, reason);
    }

    /**
     * The service is back: the RTO clock stops and the achieved RTO is fixed. {@code by}: who says so (the operator's name, or
     * {@link EventData.Recovered#BY_STEPS} when the last recovery step did); {@code note}: what shows it, or null.
     */
    public IncidentEvent recovered(String by, String note) {
        return life.recovered(by, note);
    }

    /** Over: the summary goes into the post-mortem, every clock stops, and nothing more runs. */
    public IncidentEvent close(String summary) {
        return life.close(summary);
    }

    /** Worked on again: open, not recovered, its clocks running from its start. */
    public IncidentEvent reopen(String reason) {
        return life.reopen(reason);
    }

    /** The incident's clocks now: elapsed, RTO countdown, phase windows. */
    public IncidentClocks.Reading clocks() {
        return life.clocks();
    }

    /** Logs every clock that has run out since the last check (a phase window closed with work left, the RTO passed). */
    public List<IncidentClocks.Breach> checkClocks() {
        return life.checkClocks();
    }

    /** The incident's events as the log holds them now, read from it (a screen's history when it opens). */
    public List<IncidentEvent> loggedEvents() {
        return journal.events();
    }

    /** What the operator types to confirm a destructive step, with the values known now. */
    public String confirmationText(String stepId) {
        return inputs.confirmationText(step(stepId).step());
    }

    /** A manual step's instructions with the values known now (earlier outputs, secrets as ****); an added step reads as written. */
    public String instructions(String stepId) {
        return inputs.instructions(step(stepId).step());
    }
}
