package dev.drpilot.engine;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext.OperatorInput;
import dev.drpilot.action.ActionRegistry;
import dev.drpilot.incident.EventData;
import dev.drpilot.runbook.Param;
import dev.drpilot.runbook.Step;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Decides what runs next and runs it, one step at a time on the executor it is given: a
 * destructive step waits for its confirmation, a manual one for the operator's tick, and the run to
 * the next confirmation stops at the first step that does not succeed. Each run of a step ends with
 * {@link IncidentListener#stepFinished}, once its outputs are kept. Callers hold the run's lock and
 * the wheel.
 */
final class StepScheduler {

    private final Object lock;
    private final StepBoard board;
    private final StepInputs inputs;
    private final IncidentLife life;
    private final IncidentJournal journal;
    private final IncidentListeners listeners;
    private final ActionRegistry actions;
    private final ExecutorService executor;
    private final Clock clock;
    private final StepExecution.Settings settings;
    private final Wheel wheel;
    private final Set<String> confirmed = new HashSet<>();
    private final StepApprovals approvals;
    private final Map<String, CompletableFuture<OperatorInput>> operatorGates = new HashMap<>();
    private final Map<String, StepExecution> executions = new HashMap<>();
    /** The run to the next confirmation stopped at one, and goes on once it is given. */
    private boolean continueAfterConfirmation;
    /** Who may run a step when other laptops work on the incident too: none by default. */
    private volatile StepLeases leases = StepLeases.NONE;
    /** Steps whose lease the team log could not give at their last try: the operator may run them anyway. */
    private final Set<String> leaseUnknown = new HashSet<>();
    /** Steps the operator runs next without asking for their lease, by a decision in the log. */
    private final Set<String> withoutLease = new HashSet<>();

    StepScheduler(
            Object lock,
            StepBoard board,
            StepInputs inputs,
            IncidentLife life,
            IncidentJournal journal,
            IncidentListeners listeners,
            ActionRegistry actions,
            ExecutorService executor,
            Clock clock,
            StepExecution.Settings settings,
            Wheel wheel) {
        this.lock = lock;
        this.board = board;
        this.inputs = inputs;
        this.life = life;
        this.journal = journal;
        this.listeners = listeners;
        this.actions = actions;
        this.executor = executor;
        this.clock = clock;
        this.settings = settings;
        this.wheel = wheel;
        this.approvals = new StepApprovals(board, inputs, journal, clock);
    }

    StepApprovals approvals() {
        return approvals;
    }

    void leaseStepsFrom(StepLeases stepLeases) {
        this.leases = stepLeases;
    }

    Future<?> start(String stepId) {
        StepRun run = board.step(stepId);
        if (!run.state().canStart()) {
            throw new IllegalStateException(
                    "step '" + stepId + "' is " + run.state().label().toLowerCase() + "; it cannot be started now");
        }
        return submit(() -> runOne(stepId));
    }

    /** Whether the team log could not say who runs the step when it was last tried. */
    boolean leaseUnknown(String stepId) {
        synchronized (lock) {
            return leaseUnknown.contains(stepId);
        }
    }

    /**
     * The operator runs a step whose lease the team log could not give, having made sure no one else runs it: the
     * decision and its reason go to the log first.
     */
    Future<?> startWithoutLease(String stepId, String reason) {
        if (!leaseUnknown(stepId)) {
            throw new IllegalStateException("step '" + stepId + "' is run with its lease: retry it");
        }
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("say why the step runs anyway");
        StepRun run = board.step(stepId);
        if (!run.state().canStart()) {
            throw new IllegalStateException(
                    "step '" + stepId + "' is " + run.state().label().toLowerCase() + "; it cannot be started now");
        }
        journal.record(
                new EventData.Decision("Run without the team log's lease (it could not be reached): " + reason.strip()),
                stepId);
        synchronized (lock) {
            withoutLease.add(stepId);
        }
        return submit(() -> runOne(stepId));
    }

    /** Records the decision on the step's pending approval request; a given (or overridden) one runs the step once. */
    Future<?> decide(String stepId, ApprovalDecision decision) {
        if (!approvals.decide(stepId, decision)) return CompletableFuture.completedFuture(null);
        return submit(() -> runOne(stepId));
    }

    Future<?> runToNextConfirmation() {
        return submit(this::runUntilStopped);
    }

    Future<?> confirm(String stepId, String typed) {
        StepRun run = board.step(stepId);
        if (run.state() != StepState.AWAITING_CONFIRMATION) {
            throw new IllegalStateException("step '" + stepId + "' is not waiting for a confirmation");
        }
        String expected = inputs.confirmationText(run.step());
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

    void tickOff(String stepId, String note, Map<String, String> values) {
        StepRun run = board.step(stepId);
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

    void skip(String stepId, String reason) {
        StepRun run = board.step(stepId);
        if (run.state().isActive()) throw new IllegalStateException("cancel step '" + stepId + "' before skipping it");
        if (run.state().isSettled())
            throw new IllegalStateException(
                    "step '" + stepId + "' is already " + run.state().label().toLowerCase());
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("say why the step is skipped");
        journal.record(new EventData.StepSkipped(reason.strip()), stepId);
        board.update(run.ended(StepState.SKIPPED, clock.instant(), Map.of(), "Skipped: " + reason.strip()));
        life.recoveredByItsSteps();
    }

    void cancel(String stepId) {
        StepExecution execution = executions.get(stepId);
        if (execution != null) execution.cancel(StepExecution.CANCELLED_BY_THE_OPERATOR);
        if (board.step(stepId).state() == StepState.AWAITING_APPROVAL) {
            approvals.withdraw(stepId);
        } else if (board.step(stepId).state() == StepState.AWAITING_CONFIRMATION) {
            journal.record(new EventData.StepCancelled("confirmation declined", null), stepId);
            board.update(board.step(stepId).with(StepState.CANCELLED, "Confirmation declined"));
        } else if (execution == null && board.step(stepId).state().isActive()) {
            String message = "Cancelled here while another DR Pilot ran it; check the resource before retrying";
            journal.record(new EventData.StepCancelled(null, message), stepId);
            board.update(board.step(stepId).ended(StepState.CANCELLED, clock.instant(), Map.of(), message));
        }
    }

    /** The steps a thread of this process runs now. */
    Set<String> runningHere() {
        synchronized (lock) {
            return Set.copyOf(executions.keySet());
        }
    }

    /** The log says the step was confirmed and has not run since: it runs without asking again. */
    void restoreConfirmed(String stepId) {
        synchronized (lock) {
            confirmed.add(stepId);
        }
    }

    /** Stops what this process runs, each with what the log and the operator are told. */
    Map<String, StepExecution> stopAll() {
        synchronized (lock) {
            continueAfterConfirmation = false;
            return Map.copyOf(executions);
        }
    }

    /** Each step this process runs ends interrupted with {@code cause}; returns once each logged its end, or after {@code within}. */
    List<StepRun> interruptAll(String cause, Duration within) throws InterruptedException {
        Map<String, StepExecution> running = stopAll();
        running.forEach((stepId, execution) -> execution.interrupt(
                board.step(stepId).step().isManual()
                        ? cause + " while this step waited for you; start it again to tick it off"
                        : cause + " while this step ran; check its resource before you retry it"));
        Instant giveUp = Instant.now().plus(within);
        while (Instant.now().isBefore(giveUp) && running.keySet().stream().anyMatch(runningHere()::contains))
            Thread.sleep(20);
        return running.keySet().stream().map(board::step).toList();
    }

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
            StepRun next = board.firstUnsettled().orElse(null);
            if (next == null || !next.state().canStart() && next.state() != StepState.AWAITING_CONFIRMATION) return;
            if (!wheel.take(false).held()) return;
            if (next.state() == StepState.AWAITING_CONFIRMATION && !confirmed.contains(next.id())) return;
            StepState end = runOne(next.id());
            if (end == StepState.AWAITING_CONFIRMATION) {
                synchronized (lock) {
                    continueAfterConfirmation = true;
                }
            }
            if (end != StepState.SUCCEEDED) return;
        }
    }

    /** Runs a step on the current (executor) thread; returns the state it ended in, after the listeners heard that it finished. */
    private StepState runOne(String stepId) {
        try {
            return execute(stepId);
        } finally {
            synchronized (lock) {
                listeners.stepFinished(board.step(stepId));
            }
        }
    }

    private StepState execute(String stepId) {
        StepRun run;
        synchronized (lock) {
            run = board.step(stepId);
            if (approvals.needsRequest(run)) {
                approvals.request(run);
                return StepState.AWAITING_APPROVAL;
            }
            if (run.step().destructive() && !confirmed.contains(stepId)) {
                String expected = inputs.confirmationText(run.step());
                journal.record(new EventData.ConfirmationRequested(expected), stepId);
                board.update(
                        run.with(StepState.AWAITING_CONFIRMATION, "Destructive: type '" + expected + "' to go ahead"));
                return StepState.AWAITING_CONFIRMATION;
            }
        }
        Action action = run.step().isManual()
                ? actions.manual()
                : actions.find(run.step().action()).orElse(null);
        if (action == null) return failedBeforeStart(run, "not available", unavailable(run.step()));
        Map<String, Object> args;
        try {
            args = inputs.arguments(run.step());
        } catch (IllegalStateException e) {
            return failedBeforeStart(run, null, e.getMessage());
        }
        inputs.protectSensitive(run.step(), args);
        StepLeases.Lease lease;
        boolean decided;
        synchronized (lock) {
            decided = withoutLease.remove(stepId);
            leaseUnknown.remove(stepId);
        }
        switch (decided ? new StepLeases.Granted(succeeded -> {}) : leases.acquire(journal.incidentId(), stepId)) {
            case StepLeases.Granted granted -> lease = granted.lease();
            case StepLeases.HeldElsewhere held -> {
                return notRunHere(run, StepHeld.event(held), StepHeld.message(held));
            }
            case StepLeases.Unknown unknown -> {
                synchronized (lock) {
                    leaseUnknown.add(stepId);
                }
                return notRunHere(run, new EventData.StepLeaseUnknown(unknown.problem()), StepHeld.message(unknown));
            }
        }
        StepExecution execution;
        synchronized (lock) {
            approvals.usedBy(stepId);
            if (run.step().isManual()) operatorGates.put(stepId, new CompletableFuture<>());
            execution = new StepExecution(
                    run.step(),
                    action,
                    args,
                    inputs.postconditionOf(run.step()),
                    journal,
                    clock,
                    settings,
                    board::update,
                    () -> board.step(stepId),
                    operatorGates.get(stepId));
            executions.put(stepId, execution);
        }
        StepRun end;
        try {
            end = execution.run();
        } finally {
            lease.release(board.step(stepId).state() == StepState.SUCCEEDED);
        }
        life.checkClocks();
        if (end.state() == StepState.SUCCEEDED || end.state() == StepState.SKIPPED) life.recoveredByItsSteps();
        life.recoveredByStep(end);
        synchronized (lock) {
            executions.remove(stepId);
            operatorGates.remove(stepId);
            confirmed.remove(stepId);
            if (end.state() == StepState.SUCCEEDED) inputs.outputs(stepId, execution.outputs());
        }
        return end.state();
    }

    /** Another laptop runs the step, or who does is unknown: it is not run here, and the operator is told why. */
    private StepState notRunHere(StepRun run, EventData event, String message) {
        journal.record(event, run.id());
        board.update(run.with(StepState.CANCELLED, message));
        return StepState.CANCELLED;
    }

    private StepState failedBeforeStart(StepRun run, String reason, String message) {
        journal.record(new EventData.StepFailed(reason, message, null), run.id());
        board.update(run.ended(StepState.FAILED, clock.instant(), Map.of(), message));
        return StepState.FAILED;
    }

    private static String unavailable(Step step) {
        return "Action " + step.action()
                + " is not available in this version of DR Pilot: do it by hand with the command shown, "
                + "then skip this step with a note of what you did";
    }
}
