package dev.drpilot.engine;

import dev.drpilot.action.ActionContext.OperatorInput;
import dev.drpilot.incident.Driver;
import dev.drpilot.incident.EventData;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Drives a run to its end on the caller's thread: runs the steps in order, one at a time, and asks
 * its {@link Operator} (a person at a terminal, a rehearsal's script) what only they can say. It
 * waits on the run's events, never on a timer, and acts on the state an event reports: a manual
 * step is ticked off once per run, when an event says it waits for the operator, and the next move
 * is decided when the run of a step is over ({@link IncidentListener#stepFinished}).
 */
public final class RunDriver {

    /** Who answers for the team: each question is asked on the driver's thread. */
    public interface Operator {

        /** The driver comes to a step not done yet: it runs it next, or asks what to do about its failure. */
        default void comingTo(StepRun step, int number, int total) {}

        /** The step was running in the DR Pilot the incident was taken from: the driver waits for it to stop, then cancels it. */
        default void waitingForAnotherDriver(StepRun step) {}

        /** A manual step waits for the operator: their note and recorded values, or empty to stop driving. */
        Optional<OperatorInput> tickOff(StepRun step) throws InterruptedException;

        /** A destructive step waits for its confirmation: what the operator typed, or empty to stop driving. */
        Optional<String> confirm(StepRun step, String expected) throws InterruptedException;

        /**
         * A step waits for a second person's approval of {@code request}: the decision (which the run logs), or empty to stop
         * driving with the step still waiting.
         */
        default Optional<ApprovalDecision> approval(StepRun step, EventData.ApprovalRequested request)
                throws InterruptedException {
            return Optional.empty();
        }

        /** A step failed, was cancelled or interrupted: run it again, skip it with a reason, or stop driving. */
        AfterFailure afterFailure(StepRun step) throws InterruptedException;

        /** The step ran (or was skipped), and now stands as {@code step} shows. */
        default void ran(StepRun step) throws InterruptedException {}
    }

    /** What to do about a step that did not succeed. */
    public sealed interface AfterFailure {
        record Retry() implements AfterFailure {}

        record Skip(String reason) implements AfterFailure {}

        record Stop() implements AfterFailure {}

        /** Run it here although the team log could not give its lease: the operator made sure no one else runs it. */
        record RunWithoutLease(String reason) implements AfterFailure {}
    }

    /** What the driver hears from the run, in the order the run said it. */
    private sealed interface Signal {
        record Changed(StepRun step) implements Signal {}

        record Finished(StepRun step) implements Signal {}

        record TakenOver() implements Signal {}
    }

    private final IncidentRun run;
    private final Operator operator;
    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private volatile boolean drivenElsewhere;
    private long giveUpAt;

    private final IncidentListener listener = new IncidentListener() {
        @Override
        public void stepChanged(StepRun step) {
            signals.add(new Signal.Changed(step));
        }

        @Override
        public void stepFinished(StepRun step) {
            signals.add(new Signal.Finished(step));
        }

        @Override
        public void driverChanged(Optional<Driver> elsewhere) {
            if (elsewhere.isEmpty()) return;
            drivenElsewhere = true;
            signals.add(new Signal.TakenOver());
        }
    };

    public RunDriver(IncidentRun run, Operator operator) {
        this.run = run;
        this.operator = operator;
    }

    /**
     * Runs every step not done yet, in order, until all are done, the operator stops, another DR
     * Pilot takes the incident over, or {@code within} has passed (null: no limit).
     *
     * @return true when every step ended succeeded or skipped
     * @throws DrivenElsewhereException when a live DR Pilot elsewhere drives the incident
     */
    public boolean driveToEnd(Duration within) throws InterruptedException {
        giveUpAt = within == null ? Long.MAX_VALUE : System.nanoTime() + within.toNanos();
        run.addListener(listener);
        try {
            while (!drivenElsewhere) {
                List<StepRun> steps = run.steps();
                int at = firstUnsettled(steps);
                if (at == steps.size()) return true;
                operator.comingTo(steps.get(at), at + 1, steps.size());
                StepRun step = awaitAnotherDriver(steps.get(at));
                if (!advance(step)) return false;
                operator.ran(run.step(step.id()));
            }
            return false;
        } finally {
            run.removeListener(listener);
        }
    }

    private static int firstUnsettled(List<StepRun> steps) {
        int at = 0;
        while (at < steps.size() && steps.get(at).state().isSettled()) at++;
        return at;
    }

    /** Runs, retries, skips or confirms the step; false when the driving stops here. */
    private boolean advance(StepRun step) throws InterruptedException {
        return switch (step.state()) {
            case FAILED, INTERRUPTED, CANCELLED ->
                switch (operator.afterFailure(step)) {
                    case AfterFailure.Stop stop -> false;
                    case AfterFailure.Skip skip -> {
                        run.skip(step.id(), skip.reason());
                        yield true;
                    }
                    case AfterFailure.Retry retry -> follow(step.id(), run.start(step.id()));
                    case AfterFailure.RunWithoutLease anyway ->
                        follow(step.id(), run.team().startWithoutLease(step.id(), anyway.reason()));
                };
            case AWAITING_CONFIRMATION -> confirm(step);
            case AWAITING_APPROVAL -> approve(step);
            default -> follow(step.id(), run.start(step.id()));
        };
    }

    /** Follows one run of the step through its events until it is over; false when the driving stops. */
    private boolean follow(String stepId, Future<?> running) throws InterruptedException {
        boolean ticked = false;
        while (true) {
            Signal signal = next();
            if (signal == null) return false;
            if (signal instanceof Signal.Changed(StepRun step)
                    && step.id().equals(stepId)
                    && step.state() == StepState.AWAITING_OPERATOR
                    && !ticked) {
                ticked = true;
                if (!tickOff(step)) return false;
            } else if (signal instanceof Signal.Finished(StepRun step)
                    && step.id().equals(stepId)) {
                await(running);
                if (step.state() == StepState.AWAITING_APPROVAL) return approve(step);
                return step.state() != StepState.AWAITING_CONFIRMATION || confirm(step);
            }
        }
    }

    private boolean tickOff(StepRun waiting) throws InterruptedException {
        Optional<OperatorInput> input = operator.tickOff(waiting);
        if (input.isEmpty()) return false;
        try {
            run.tickOff(waiting.id(), input.get().note(), input.get().values());
        } catch (IllegalStateException e) {
            // stopped while the operator answered (cancelled, interrupted): its end is on its way as an event
            if (run.step(waiting.id()).state() == StepState.AWAITING_OPERATOR) throw e;
        }
        return true;
    }

    /** Asks for a destructive step's confirmation: the step runs when the text matches; anything else declines it and stops. */
    private boolean confirm(StepRun step) throws InterruptedException {
        String expected = run.confirmationText(step.id());
        Optional<String> typed = operator.confirm(step, expected);
        if (typed.isEmpty() || !typed.get().strip().equals(expected)) {
            run.cancel(step.id());
            return false;
        }
        return follow(step.id(), run.confirm(step.id(), typed.get()));
    }

    /** Asks for a second person's decision: the step runs once when it is given; a refusal or no answer stops the driving. */
    private boolean approve(StepRun step) throws InterruptedException {
        Optional<ApprovalDecision> decision = operator.approval(step, run.team().approvalRequest(step.id()));
        if (decision.isEmpty()) return false;
        Future<?> running = run.team().decideApproval(step.id(), decision.get());
        if (decision.get() instanceof ApprovalDecision.Refused) return false;
        return follow(step.id(), running);
    }

    /**
     * A step that another DR Pilot was running when this one took the incident over: that one
     * stops it within a moment; one that has not after {@link Driver#STALE_AFTER} is cancelled here.
     */
    private StepRun awaitAnotherDriver(StepRun step) throws InterruptedException {
        if (!step.state().isActive()) return step;
        operator.waitingForAnotherDriver(step);
        long giveUp = System.nanoTime() + Driver.STALE_AFTER.toNanos();
        while (run.step(step.id()).state().isActive()) {
            long left = giveUp - System.nanoTime();
            if (left <= 0 || signals.poll(left, TimeUnit.NANOSECONDS) == null) break;
        }
        if (run.step(step.id()).state().isActive()) run.cancel(step.id());
        return run.step(step.id());
    }

    /** The next thing the run says; null once the time given has passed. */
    private Signal next() throws InterruptedException {
        if (giveUpAt == Long.MAX_VALUE) return signals.take();
        long left = giveUpAt - System.nanoTime();
        return left <= 0 ? null : signals.poll(left, TimeUnit.NANOSECONDS);
    }

    private static void await(Future<?> running) throws InterruptedException {
        try {
            running.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("DR Pilot failed while running a step: " + e.getCause(), e.getCause());
        }
    }
}
