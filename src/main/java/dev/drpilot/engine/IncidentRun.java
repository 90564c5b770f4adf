package dev.drpilot.engine;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContract;
import dev.drpilot.action.ActionContext.OperatorInput;
import dev.drpilot.action.ActionRegistry;
import dev.drpilot.action.ArgSpec;
import dev.drpilot.action.ArgType;
import dev.drpilot.incident.Claim;
import dev.drpilot.incident.Driver;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentState;
import dev.drpilot.runbook.Interpolation;
import dev.drpilot.runbook.Param;
import dev.drpilot.runbook.Phase;
import dev.drpilot.runbook.Reference;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookKind;
import dev.drpilot.runbook.Step;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One incident's runbook in execution: the steps' states, the operator's commands (run, confirm,
 * tick off, skip, retry, cancel, add a step, note, decide), and the incident log, which hears of
 * every change before anyone else does.
 *
 * <p>Steps run one at a time on the executor passed in, never on the caller's thread. Only the
 * DR Pilot that drives the incident runs its steps (see {@link #drivenElsewhere()}); notes,
 * decisions and the incident's life (recovered, closed) are open to anyone.
 */
public final class IncidentRun implements AutoCloseable {

    private final Runbook runbook;
    private final String incidentId;
    private final IncidentJournal journal;
    private final ActionRegistry actions;
    private final ExecutorService executor;
    private final Clock clock;
    private final StepExecution.Settings settings;
    private final ParameterValues params;

    private final List<StepRun> steps = new ArrayList<>();
    private final Map<String, Map<String, Object>> outputs = new HashMap<>();
    private final Set<String> confirmed = new HashSet<>();
    private final Map<String, CompletableFuture<OperatorInput>> operatorGates = new HashMap<>();
    private final Map<String, StepExecution> executions = new HashMap<>();
    private final Map<String, Future<?>> futures = new HashMap<>();
    private final List<IncidentListener> listeners = new CopyOnWriteArrayList<>();
    private int addedSteps;
    private volatile IncidentClocks clocks;
    private volatile IncidentState state;
    /** The incident's own row as last read (its start, its state). */
    private volatile Incident incident;
    private final IncidentLogStore log;
    /** Clocks already logged as breached, so each breach is logged once. */
    private final Set<String> breached = new HashSet<>();
    /** The run to the next confirmation stopped at one, and goes on once it is given. */
    private boolean continueAfterConfirmation;
    private final Wheel wheel;
    private final IncidentReplay replay;
    /** The last event of the log this run was built from; the follower reads on after it. */
    private final long builtUpTo;
    private IncidentFollower follower;

    /** @param events the incident's events in the log as it was opened, for its figures and clocks */
    IncidentRun(Runbook runbook, Incident incident, List<IncidentEvent> events, IncidentLogStore log, ActionRegistry actions,
                ExecutorService executor, Clock clock, StepExecution.Settings settings, ParameterValues params, long builtUpTo) {
        counted(incident, events, runbook);
        String incidentId = incident.id();
        this.log = log;
        this.runbook = runbook;
        this.incidentId = incidentId;
        this.journal = new IncidentJournal(log, incidentId, this::notifyLogged);
        this.actions = actions;
        this.executor = executor;
        this.clock = clock;
        this.settings = settings;
        this.params = params;
        this.builtUpTo = builtUpTo;
        this.replay = new IncidentReplay(this, clock);
        this.wheel = new Wheel(log.drivers(), incidentId);
        for (Step step : runbook.steps()) steps.add(StepRun.pending(step, null));
        for (int i = 0; i < steps.size(); i++) steps.set(i, steps.get(i).withCommand(commandOf(steps.get(i).step())));
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
        Map<String, String> shown = new java.util.LinkedHashMap<>(params.texts());
        for (Param param : runbook.params()) if (param.sensitive()) shown.remove(param.name());
        return shown;
    }

    public Runbook runbook() {
        return runbook;
    }

    /** The incident's row as last read: the figures of a screen count from it what its events do not say. */
    public Incident incident() {
        return incident;
    }

    public void addListener(IncidentListener listener) {
        listeners.add(listener);
    }

    public synchronized List<StepRun> steps() {
        return List.copyOf(steps);
    }

    public synchronized StepRun step(String stepId) {
        return steps.get(indexOf(stepId));
    }

    /**
     * Follows the log from now on, every half second: the events other DR Pilots write reach the
     * steps and the listeners, this process's claim stays alive, and a take-over is noticed.
     * {@link #close()} stops it.
     */
    public synchronized void followTheLog() {
        if (follower != null) return;
        follower = new IncidentFollower(this, log, wheel, builtUpTo);
        follower.start();
    }

    /** The live DR Pilot in another process that drives this incident, if any: while there is one, this run runs no step. */
    public Optional<Driver> drivenElsewhere() {
        return wheel.elsewhere();
    }

    /**
     * Takes the incident over from whoever drives it, even a DR Pilot that is still there: the
     * take-over is logged, and the other one stops its step and runs no more.
     */
    public synchronized void takeOver() {
        drive(true);
    }

    /**
     * Claims the incident for this process when nobody drives it, or its driver has gone silent;
     * false when a live DR Pilot elsewhere drives it (this run then only follows).
     */
    synchronized boolean takeTheWheelIfFree() {
        boolean had = wheel.held();
        Claim claim = wheel.take(false);
        if (claim.held()) tookTheWheel(had, claim);
        return claim.held();
    }

    /** Before any step is run, skipped or cancelled: this process drives the incident, or the caller hears who does. */
    private void drive(boolean overLiveDriver) {
        boolean had = wheel.held();
        Claim claim = wheel.take(overLiveDriver);
        if (!claim.held()) {
            notifyDriver();
            throw new DrivenElsewhereException(incidentId, claim.previous());
        }
        tookTheWheel(had, claim);
    }

    private void tookTheWheel(boolean had, Claim claim) {
        if (claim.takenOver() != null) notifyLogged(claim.takenOver());
        if (had && claim.takenOver() == null) return;
        if (follower != null) follower.catchUp();
        if (claim.previous() == null || !claim.live()) replay.interruptLeftOver(executions.keySet());
        notifyDriver();
    }

    /** Another DR Pilot took the incident over: what this one was running stops, and says why. */
    void lostTo(Driver taker) {
        List<StepExecution> running;
        synchronized (this) {
            continueAfterConfirmation = false;
            running = List.copyOf(executions.values());
        }
        String why = "Stopped here: " + taker.seat().label() + " took the incident over; check the resource before retrying";
        running.forEach(execution -> execution.cancel(why));
    }

    /**
     * DR Pilot is being stopped ({@code cause}, as "the operator stopped DR Pilot (SIGTERM)"): each
     * step this process runs ends interrupted, with the cause in the log, so that a resume offers it
     * again. Returns once each has logged its end, or when {@code within} has passed.
     *
     * @return the steps that were running, as they ended
     */
    public List<StepRun> interruptForExit(String cause, Duration within) throws InterruptedException {
        Map<String, StepExecution> running;
        synchronized (this) {
            continueAfterConfirmation = false;
            running = Map.copyOf(executions);
        }
        running.forEach((stepId, execution) -> execution.interrupt(step(stepId).step().isManual()
                ? cause + " while this step waited for you; start it again to tick it off"
                : cause + " while this step ran; check its resource before you retry it"));
        Instant giveUp = Instant.now().plus(within);
        while (Instant.now().isBefore(giveUp) && running.keySet().stream().anyMatch(this::executing)) Thread.sleep(20);
        return running.keySet().stream().map(this::step).toList();
    }

    private synchronized boolean executing(String stepId) {
        return executions.containsKey(stepId);
    }

    /** Tells the listeners who drives the incident now (the follower saw a change). */
    void driverChanged() {
        notifyDriver();
    }

    /** An event another process wrote: the steps, the clocks and the incident's state follow it, then the listeners hear of it. */
    synchronized void followed(IncidentEvent event) {
        switch (event.kind()) {
            case INCIDENT_RECOVERED, INCIDENT_CLOSED, INCIDENT_REOPENED, INCIDENT_START_SET_BACK -> {
                if (event.kind() == EventKind.INCIDENT_REOPENED) breached.remove("RTO");
                counted(log.incident(incidentId).orElseThrow(), journal.events(), runbook);
            }
            default -> replay.follow(event);
        }
        notifyLogged(event);
    }

    /** A step's new state, as another process's event says. */
    synchronized void followed(StepRun step, Map<String, Object> stepOutputs) {
        if (stepOutputs != null) {
            outputs.put(step.id(), stepOutputs);
            refreshCommands();
        }
        StepRun shown = step.withCommand(step(step.id()).command());
        steps.set(indexOf(step.id()), shown);
        notifyChanged(shown);
    }

    /** Stops following the log and lets go of the incident, so another DR Pilot may drive it without taking it over. */
    @Override
    public void close() {
        IncidentFollower stopping;
        synchronized (this) {
            stopping = follower;
            follower = null;
        }
        if (stopping != null) stopping.close();
        wheel.release();
    }

    /** Runs one step (or asks for its confirmation first, when it is destructive). */
    public synchronized Future<?> start(String stepId) {
        refuseWhenClosed();
        drive(false);
        StepRun run = step(stepId);
        if (!run.state().canStart()) {
            throw new IllegalStateException("step '" + stepId + "' is " + run.state().label().toLowerCase() + "; it cannot be started now");
        }
        return submit(() -> runOne(stepId));
    }

    /** Runs the steps in order until one needs a confirmation, fails, or all are done. */
    public synchronized Future<?> runToNextConfirmation() {
        refuseWhenClosed();
        drive(false);
        return submit(this::runUntilStopped);
    }

    private void refuseWhenClosed() {
        if (state == IncidentState.CLOSED) throw new IllegalStateException("incident " + incidentId + " is closed: reopen it to run steps");
    }

    /** The operator typed the confirmation text of a destructive step; it starts if the text matches. */
    public synchronized Future<?> confirm(String stepId, String typed) {
        drive(false);
        StepRun run = step(stepId);
        if (run.state() != StepState.AWAITING_CONFIRMATION) {
            throw new IllegalStateException("step '" + stepId + "' is not waiting for a confirmation");
        }
        String expected = confirmationText(run.step());
        if (!expected.equals(typed == null ? "" : typed.strip())) {
            throw new IllegalArgumentException("type exactly '" + expected + "' to confirm this step");
        }
        journal.record(new EventData.ConfirmationGiven(expected), stepId);
        confirmed.add(stepId);
        boolean thenContinue = continueAfterConfirmation;
        continueAfterConfirmation = false;
        return submit(() -> {
            if (runOne(stepId) == StepState.SUCCEEDED && thenContinue) runUntilStopped();
        });
    }

    /** The operator ticks a manual step off, with a note and the values it records. */
    public synchronized void tickOff(String stepId, String note, Map<String, String> values) {
        drive(false);
        StepRun run = step(stepId);
        if (run.state() != StepState.AWAITING_OPERATOR || !operatorGates.containsKey(stepId)) {
            throw new IllegalStateException("step '" + stepId + "' is not waiting to be ticked off");
        }
        List<String> problems = new ArrayList<>();
        for (Param record : run.step().records()) {
            String problem = record.check(values.get(record.name()), clock.instant());
            if (problem != null) problems.add(problem);
        }
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        operatorGates.get(stepId).complete(new OperatorInput(note, values));
    }

    /** Skips a step with a reason, which the post-mortem will show. */
    public synchronized void skip(String stepId, String reason) {
        drive(false);
        StepRun run = step(stepId);
        if (run.state().isActive()) throw new IllegalStateException("cancel step '" + stepId + "' before skipping it");
        if (run.state().isSettled()) throw new IllegalStateException("step '" + stepId + "' is already " + run.state().label().toLowerCase());
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("say why the step is skipped");
        journal.record(new EventData.StepSkipped(reason.strip()), stepId);
        update(run.ended(StepState.SKIPPED, clock.instant(), Map.of(), "Skipped: " + reason.strip()));
        recoveredByItsSteps();
    }

    /** Stops a running or waiting step; its resource may be half-changed. */
    public synchronized void cancel(String stepId) {
        drive(false);
        StepExecution execution = executions.get(stepId);
        if (execution != null) execution.cancel(StepExecution.CANCELLED_BY_THE_OPERATOR);
        Future<?> future = futures.get(stepId);
        if (future != null) future.cancel(true);
        if (step(stepId).state() == StepState.AWAITING_CONFIRMATION) {
            journal.record(new EventData.StepCancelled("confirmation declined", null), stepId);
            update(step(stepId).with(StepState.CANCELLED, "Confirmation declined"));
        } else if (execution == null && step(stepId).state().isActive()) {
            String message = "Cancelled here while another DR Pilot ran it; check the resource before retrying";
            journal.record(new EventData.StepCancelled(null, message), stepId);
            update(step(stepId).ended(StepState.CANCELLED, clock.instant(), Map.of(), message));
        }
    }

    /** Adds a manual step after another one (or at the end when {@code afterStepId} is null). */
    public synchronized StepRun addManualStep(String afterStepId, String title, String instructions) {
        drive(false);
        EventData.StepAdded added = new EventData.StepAdded("added-" + (addedSteps + 1), afterStepId, title, instructions);
        journal.record(added, null);
        return insertManualStep(added);
    }

    /**
     * Sets the incident's start back to when the failure began (detection often comes later):
     * the clocks count from it, and the post-mortem shows the time to declare.
     */
    public IncidentEvent setFailureStart(Instant failureStartedAt, String reason) {
        if (failureStartedAt.isAfter(clock.instant().plusSeconds(60))) {
            throw new IllegalArgumentException("the failure's start " + failureStartedAt + " is in the future: give when it began, in UTC");
        }
        return changed(log.setFailureStart(incidentId, failureStartedAt, reason));
    }

    public IncidentState state() {
        return state;
    }

    /**
     * The service is back: the RTO clock stops and the achieved RTO is fixed.
     *
     * @param by   who says so (the operator's name, or {@link EventData.Recovered#BY_STEPS} when the last recovery step did)
     * @param note what shows it ("health checks green since 10:42"), or null
     */
    public synchronized IncidentEvent recovered(String by, String note) {
        return changed(log.recovered(incidentId, new EventData.Recovered(by, note == null || note.isBlank() ? null : note)));
    }

    /** Over: the summary goes into the post-mortem, every clock stops, and nothing more runs. */
    public synchronized IncidentEvent close(String summary) {
        return changed(log.close(incidentId, summary));
    }

    /** Worked on again: open, not recovered, its clocks running from its start. */
    public synchronized IncidentEvent reopen(String reason) {
        IncidentEvent event = log.reopen(incidentId, reason);
        breached.remove("RTO");
        return changed(event);
    }

    /** After a change of the incident's own row: its state and clocks read again from the log. */
    private IncidentEvent changed(IncidentEvent event) {
        counted(log.incident(incidentId).orElseThrow(), journal.events(), runbook);
        notifyLogged(event);
        return event;
    }

    /** The incident's row, state and clocks, counted again from its events. */
    private void counted(Incident row, List<IncidentEvent> events, Runbook book) {
        incident = row;
        clocks = IncidentClocks.of(IncidentFigures.of(row, events, book), book.targets());
        state = row.state();
    }

    /**
     * A recovery runbook whose immediate and recovery steps are all done has brought the service back,
     * unless it marks the step that proves it ({@link #recoveredByStep}).
     */
    private void recoveredByItsSteps() {
        if (state != IncidentState.OPEN || runbook.kind() != RunbookKind.RECOVERY || runbook.recoveryStep().isPresent()) return;
        List<StepRun> recovery = steps().stream()
                .filter(s -> s.step().phase() == Phase.IMMEDIATE || s.step().phase() == Phase.RECOVERY).toList();
        if (recovery.isEmpty() || !recovery.stream().allMatch(s -> s.state() == StepState.SUCCEEDED || s.state() == StepState.SKIPPED)) return;
        recovered(EventData.Recovered.BY_STEPS, "every step of the immediate and recovery phases is done");
    }

    /** The step marked {@code recovers} succeeded: the service is back as of now, by what that step checked. */
    private void recoveredByStep(StepRun end) {
        if (state != IncidentState.OPEN || !end.step().recovers() || end.state() != StepState.SUCCEEDED) return;
        recovered("step " + end.id(), end.message());
    }

    /** The incident's clocks now: elapsed, RTO countdown, phase windows. */
    public IncidentClocks.Reading clocks() {
        return clocks.at(clock.instant(), steps());
    }

    /**
     * Logs every clock that has run out since the last check (a phase window closed with work
     * left, the RTO passed before recovery). Called after each step and by the UI's timer.
     */
    public synchronized List<IncidentClocks.Breach> checkClocks() {
        List<IncidentClocks.Breach> fresh = new ArrayList<>();
        if (!wheel.held()) return fresh; // the driver logs them; this process hears of them from the log
        for (IncidentClocks.Breach breach : clocks.breaches(clock.instant(), steps)) {
            if (breached.add(breach.clock())) {
                journal.record(new EventData.ClockBreach(breach.clock(), breach.detail()), null);
                fresh.add(breach);
            }
        }
        return fresh;
    }

    synchronized void restoreBreach(String clockName) {
        breached.add(clockName);
    }

    public IncidentEvent note(String text, Instant occurredAt) {
        return journal.note(text, occurredAt);
    }

    public IncidentEvent decision(String text) {
        return journal.record(new EventData.Decision(text), null);
    }

    /** A rehearsal's news for the players (an inject), with where it came from and its scripted time. */
    public IncidentEvent inject(EventData.Inject inject) {
        return journal.record(inject, null);
    }

    // ---- replay (used by IncidentResumer) ----

    synchronized StepRun insertManualStep(EventData.StepAdded added) {
        addedSteps++;
        String after = added.after();
        int at = after == null ? steps.size() : indexOf(after) + 1;
        Step anchor = steps.get(Math.max(0, Math.min(at, steps.size()) - 1)).step();
        Step step = new Step(added.id(), added.title(), anchor.phase(), null, Map.of(),
                added.instructions(), List.of(), Map.of(), null, null, false, null, false, anchor.position());
        StepRun run = StepRun.pending(step, null);
        steps.add(at, run);
        notifyChanged(run);
        return run;
    }

    IncidentJournal journal() {
        return journal;
    }

    synchronized void restore(StepRun run, Map<String, Object> stepOutputs, boolean wasConfirmed) {
        steps.set(indexOf(run.id()), run);
        if (stepOutputs != null) outputs.put(run.id(), stepOutputs);
        if (wasConfirmed) confirmed.add(run.id());
    }

    // ---- execution ----

    private Future<?> submit(Runnable task) {
        return executor.submit(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                journal.record(new EventData.Note("DR Pilot error: " + e), null);
                throw e;
            }
        });
    }

    private void runUntilStopped() {
        while (true) {
            StepRun next;
            synchronized (this) {
                next = steps.stream().filter(s -> !s.state().isSettled()).findFirst().orElse(null);
            }
            if (next == null || !next.state().canStart() && next.state() != StepState.AWAITING_CONFIRMATION) return;
            if (!wheel.take(false).held()) return;
            if (next.state() == StepState.AWAITING_CONFIRMATION && !confirmed.contains(next.id())) return;
            StepState end = runOne(next.id());
            if (end == StepState.AWAITING_CONFIRMATION) {
                synchronized (this) {
                    continueAfterConfirmation = true;
                }
            }
            if (end != StepState.SUCCEEDED) return;
        }
    }

    /** Runs a step on the current (executor) thread; returns the state it ended in. */
    private StepState runOne(String stepId) {
        StepRun run;
        synchronized (this) {
            run = step(stepId);
            if (run.step().destructive() && !confirmed.contains(stepId)) {
                String expected = confirmationText(run.step());
                journal.record(new EventData.ConfirmationRequested(expected), stepId);
                update(run.with(StepState.AWAITING_CONFIRMATION, "Destructive: type '" + expected + "' to go ahead"));
                return StepState.AWAITING_CONFIRMATION;
            }
        }
        Action action = run.step().isManual() ? actions.manual() : actions.find(run.step().action()).orElse(null);
        if (action == null) {
            journal.record(new EventData.StepFailed("not available", unavailable(run.step()), null), stepId);
            update(run.ended(StepState.FAILED, clock.instant(), Map.of(), unavailable(run.step())));
            return StepState.FAILED;
        }
        Map<String, Object> args;
        try {
            args = arguments(run.step());
        } catch (IllegalStateException e) {
            journal.record(new EventData.StepFailed(null, e.getMessage(), null), stepId);
            update(run.ended(StepState.FAILED, clock.instant(), Map.of(), e.getMessage()));
            return StepState.FAILED;
        }
        protectSensitiveArguments(run.step(), args);
        StepExecution execution;
        synchronized (this) {
            if (run.step().isManual()) operatorGates.put(stepId, new CompletableFuture<>());
            execution = new StepExecution(run.step(), action, args, postconditionOf(run.step()), journal, clock, settings, this::update,
                    () -> step(stepId), operatorGates.get(stepId));
            executions.put(stepId, execution);
        }
        StepRun end = execution.run();
        checkClocks();
        if (end.state() == StepState.SUCCEEDED || end.state() == StepState.SKIPPED) recoveredByItsSteps();
        recoveredByStep(end);
        synchronized (this) {
            executions.remove(stepId);
            operatorGates.remove(stepId);
            futures.remove(stepId);
            confirmed.remove(stepId);
            if (end.state() == StepState.SUCCEEDED) outputs.put(stepId, execution.outputs());
        }
        return end.state();
    }

    private String postconditionOf(Step step) {
        if (step.isManual()) return null;
        return actions.catalog().find(step.action()).map(ActionContract::postcondition).orElse(null);
    }

    /** Values of arguments the contract marks sensitive never reach the log, whatever field they end up in. */
    private void protectSensitiveArguments(Step step, Map<String, Object> args) {
        if (step.isManual()) return;
        actions.catalog().find(step.action()).ifPresent(contract -> contract.args().stream()
                .filter(dev.drpilot.action.ArgSpec::sensitive)
                .map(a -> args.get(a.name()))
                .filter(java.util.Objects::nonNull)
                .forEach(value -> journal.secret(String.valueOf(value))));
    }

    private static String unavailable(Step step) {
        return "Action " + step.action() + " is not available in this version of DR Pilot: do it by hand with the command shown, "
                + "then skip this step with a note of what you did";
    }

    /** The step's arguments with every reference resolved; throws when an earlier output is missing. */
    private Map<String, Object> arguments(Step step) {
        return inIncidentFolder(step, strict().resolveAll(step.with()));
    }

    /** File arguments given as a bare name are files of this incident's own, in its folder beside the log. */
    private Map<String, Object> inIncidentFolder(Step step, Map<String, Object> args) {
        ActionContract contract = actions.catalog().find(step.action()).orElse(null);
        if (contract == null) return args;
        Map<String, Object> placed = new LinkedHashMap<>(args);
        for (ArgSpec spec : contract.args()) {
            if (spec.type() == ArgType.FILE && placed.get(spec.name()) instanceof String name && !name.isBlank()
                    && !name.startsWith("<") && !Path.of(name).isAbsolute()) {
                placed.put(spec.name(), journal.folder().resolve(name).toString());
            }
        }
        return placed;
    }

    /** What the operator types to confirm a destructive step, with the values known now. */
    public String confirmationText(String stepId) {
        return confirmationText(step(stepId).step());
    }

    private String confirmationText(Step step) {
        return String.valueOf(preview().resolve(step.confirm()));
    }

    /**
     * A manual step's instructions with the values known now (earlier outputs once they exist,
     * secrets as ****); a step added during the incident reads as the operator wrote it.
     */
    public String instructions(String stepId) {
        Step step = step(stepId).step();
        if (!runbook.steps().contains(step)) return step.manual().strip();
        return step.instructions(Interpolation.preview(ref -> isSecret(ref) ? Optional.of("****") : valueOf(ref)));
    }

    private boolean isSecret(Reference ref) {
        return !ref.isStepOutput() && runbook.param(ref.name()).map(Param::sensitive).orElse(false);
    }

    private String commandOf(Step step) {
        if (step.isManual()) return null;
        return actions.catalog().find(step.action())
                .map(contract -> contract.renderCommand(inIncidentFolder(step, preview().resolveAll(step.with()))))
                .orElse(null);
    }

    private Interpolation strict() {
        return new Interpolation(this::valueOf, ref -> {
            if (!ref.isStepOutput() && runbook.param(ref.name()).map(p -> !p.required()).orElse(false)) return null;
            throw new IllegalStateException(ref.isStepOutput()
                    ? "needs " + ref.text() + ", which step '" + ref.stepId() + "' has not produced yet: run that step first"
                    : "needs " + ref.text() + ", which has no value: give parameter '" + ref.name() + "'");
        });
    }

    private Interpolation preview() {
        return Interpolation.preview(this::valueOf);
    }

    private synchronized Optional<Object> valueOf(Reference ref) {
        if (ref.isStepOutput()) {
            return Optional.ofNullable(outputs.getOrDefault(ref.stepId(), Map.of()).get(ref.name()));
        }
        return switch (ref.name()) {
            case "today" -> Optional.of(LocalDate.now(clock.withZone(ZoneOffset.UTC)).format(DateTimeFormatter.BASIC_ISO_DATE));
            case "now" -> Optional.of(clock.instant().toString());
            case "incident.id" -> Optional.of(incidentId);
            default -> Optional.ofNullable(params.typed().get(ref.name()));
        };
    }

    /** Every state the operator sees goes through the redactor, as the log does: outputs and messages. */
    synchronized void update(StepRun run) {
        int index = indexOf(run.id());
        StepRun shown = journal.shown(run);
        StepRun updated = shown.command() == null && !shown.step().isManual() ? shown.withCommand(commandOf(shown.step())) : shown;
        steps.set(index, updated);
        notifyChanged(updated);
    }

    private void notifyLogged(IncidentEvent event) {
        for (IncidentListener listener : listeners) listener.logged(event);
    }

    private void notifyDriver() {
        Optional<Driver> elsewhere = wheel.elsewhere();
        for (IncidentListener listener : listeners) listener.driverChanged(elsewhere);
    }

    private void notifyChanged(StepRun run) {
        for (IncidentListener listener : listeners) listener.stepChanged(run);
    }

    /** Refreshes the commands once earlier outputs are known (a later step's command uses them). */
    synchronized void refreshCommands() {
        for (int i = 0; i < steps.size(); i++) steps.set(i, steps.get(i).withCommand(commandOf(steps.get(i).step())));
    }

    private int indexOf(String stepId) {
        for (int i = 0; i < steps.size(); i++) if (steps.get(i).id().equals(stepId)) return i;
        throw new IllegalArgumentException("no step '" + stepId + "' in runbook " + runbook.id());
    }
}
