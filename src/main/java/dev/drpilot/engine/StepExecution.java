package dev.drpilot.engine;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.PrivateFiles;
import dev.drpilot.incident.EventData;
import dev.drpilot.runbook.Durations;
import dev.drpilot.runbook.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One run of one step: the attempts with backoff on transient failures, the waits, the
 * operator's tick for a manual step, cancellation, the step's timeout and the check of its
 * outputs. It is the action's {@link ActionContext}.
 */
final class StepExecution implements ActionContext {

    /** How the engine waits and retries. */
    record Settings(Sleeper sleeper, Backoff retryBackoff, Backoff pollBackoff, int maxAttempts) {}

    static final String CANCELLED_BY_THE_OPERATOR = "Cancelled by the operator; check the resource before retrying";

    private final Step step;
    private final Action action;
    private final Map<String, Object> args;
    private final String postcondition;
    private final IncidentJournal journal;
    private final Clock clock;
    private final Settings settings;
    private final Consumer<StepRun> publish;
    private final Supplier<StepRun> current;
    private final CompletableFuture<OperatorInput> operatorGate;
    private volatile boolean cancelled;
    private volatile String cancelReason = CANCELLED_BY_THE_OPERATOR;
    /** What a stop makes of the step: cancelled by someone, or interrupted because DR Pilot itself is stopping. */
    private volatile StepState stopsAs = StepState.CANCELLED;

    private volatile Thread runner;
    private volatile Map<String, Object> outputs = Map.of();
    private Instant deadline;

    /** @param postcondition what the action must read back before it may succeed, or null when it changes nothing */
    StepExecution(
            Step step,
            Action action,
            Map<String, Object> args,
            String postcondition,
            IncidentJournal journal,
            Clock clock,
            Settings settings,
            Consumer<StepRun> publish,
            Supplier<StepRun> current,
            CompletableFuture<OperatorInput> operatorGate) {
        this.step = step;
        this.action = action;
        this.args = args;
        this.postcondition = postcondition;
        this.journal = journal;
        this.clock = clock;
        this.settings = settings;
        this.publish = publish;
        this.current = current;
        this.operatorGate = operatorGate;
    }

    /** The outputs of the run as the action returned them, secrets included: for later steps' arguments only, never shown. */
    Map<String, Object> outputs() {
        return outputs;
    }

    /** @param why what the log and the operator are told about the stop */
    void cancel(String why) {
        stop(StepState.CANCELLED, why);
    }

    /** DR Pilot itself is stopping (SIGTERM, Ctrl-C): the step ends interrupted, with {@code why} in the log. */
    void interrupt(String why) {
        stop(StepState.INTERRUPTED, why);
    }

    private void stop(StepState as, String why) {
        stopsAs = as;
        cancelReason = why;
        cancelled = true;
        if (operatorGate != null) operatorGate.cancel(true);
        Thread thread = runner;
        if (thread != null) thread.interrupt();
    }

    StepRun run() {
        runner = Thread.currentThread();
        Instant started = clock.instant();
        deadline = step.timeout() == null ? null : started.plus(step.timeout());
        journal.record(
                new EventData.StepStarted(
                        step.isManual() ? "manual" : step.action(),
                        current.get().attempts() + 1,
                        args.isEmpty() ? null : args,
                        current.get().command()),
                step.id());
        publish.accept(current.get()
                .started(started)
                .progress(step.isManual() ? StepState.AWAITING_OPERATOR : StepState.RUNNING, null, null));
        try {
            ActionResult result = attempt();
            return succeeded(result, started);
        } catch (InterruptedException e) {
            return cancelled ? stopped(stopsAs, cancelReason) : stopped(StepState.INTERRUPTED, "Interrupted");
        } catch (ActionException e) {
            return failed(e.getMessage());
        } catch (RuntimeException e) {
            return failed("Unexpected error in " + action.id() + ": " + e);
        } finally {
            runner = null;
            Thread.interrupted();
        }
    }

    private ActionResult attempt() throws ActionException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.execute(args, this);
            } catch (ActionException e) {
                if (!e.isTransient() || attempt >= settings.maxAttempts() || cancelled) throw e;
                Duration delay = settings.retryBackoff().delay(attempt - 1);
                journal.record(new EventData.StepRetried(attempt + 1, e.getMessage(), delay.toMillis()), step.id());
                publish.accept(current.get()
                        .progress(
                                StepState.RUNNING,
                                "Retrying in " + Durations.human(delay) + " (attempt " + (attempt + 1) + " of "
                                        + settings.maxAttempts() + "): " + e.getMessage(),
                                null));
                settings.sleeper().sleep(delay);
                if (cancelled) throw new InterruptedException();
            }
        }
    }

    private StepRun succeeded(ActionResult result, Instant started) {
        Map<String, Object> outputs = result.outputs();
        this.outputs = outputs;
        if (postcondition != null && result.checked() == null) {
            return failedCheck(
                    action.id()
                            + " changed something but did not read its effect back, so success is not proven: check by"
                            + " hand that " + postcondition,
                    outputs);
        }
        List<String> broken = OutputConditions.failures(step, outputs);
        if (!broken.isEmpty()) return failedCheck("Check failed: " + String.join("; ", broken), outputs);
        Instant ended = clock.instant();
        journal.record(
                new EventData.StepSucceeded(
                        result.summary(),
                        result.checked(),
                        outputs,
                        Duration.between(started, ended).toMillis()),
                step.id());
        String message =
                result.checked() == null ? result.summary() : result.summary() + ". Checked: " + result.checked();
        StepRun run = current.get().ended(StepState.SUCCEEDED, ended, outputs, message);
        publish.accept(run);
        return run;
    }

    private StepRun failed(String message) {
        journal.record(new EventData.StepFailed(null, message, null), step.id());
        StepRun run = current.get().ended(StepState.FAILED, clock.instant(), Map.of(), message);
        publish.accept(run);
        return run;
    }

    /** A step whose call worked but whose outputs break its verify conditions: the outputs stay, to show what was found. */
    private StepRun failedCheck(String message, Map<String, Object> outputs) {
        journal.record(new EventData.StepFailed(null, message, outputs), step.id());
        StepRun run = current.get().ended(StepState.FAILED, clock.instant(), outputs, message);
        publish.accept(run);
        return run;
    }

    private StepRun stopped(StepState state, String message) {
        journal.record(
                state == StepState.CANCELLED
                        ? new EventData.StepCancelled(null, message)
                        : new EventData.StepInterrupted(message),
                step.id());
        StepRun run = current.get().ended(state, clock.instant(), Map.of(), message);
        publish.accept(run);
        return run;
    }

    // ---- ActionContext ----

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Path incidentFolder() throws ActionException {
        try {
            return PrivateFiles.folder(journal.folder());
        } catch (IOException e) {
            throw ActionException.permanent("Cannot make the incident's folder " + journal.folder() + " ("
                    + e.getMessage() + "): free some space or fix its permissions, then retry this step");
        }
    }

    @Override
    public String stepId() {
        return step.id();
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public void progress(String message, Double fraction) {
        StepRun now = current.get();
        publish.accept(now.progress(now.state(), message, fraction));
    }

    @Override
    public void apiCall(String service, String operation, String requestId) {
        journal.record(new EventData.ApiCall(service, operation, requestId), step.id());
    }

    @Override
    public void callerIdentity(String account, String arn) {
        journal.actingAs(arn);
        journal.record(new EventData.CallerIdentity(account, arn), step.id());
    }

    @Override
    public void statusChange(String resource, String status) {
        journal.record(new EventData.StatusChange(resource, status), step.id());
    }

    @Override
    public <T> T waitUntil(String what, Supplier<Optional<T>> check, Duration timeout)
            throws ActionException, InterruptedException {
        Instant start = clock.instant();
        Instant giveUp = start.plus(timeout);
        if (deadline != null && deadline.isBefore(giveUp)) giveUp = deadline;
        journal.record(new EventData.StepWaiting(what), step.id());
        for (int poll = 0; ; poll++) {
            if (cancelled) throw new InterruptedException();
            Optional<T> result = check.get();
            if (result.isPresent()) return result.get();
            Instant now = clock.instant();
            if (!now.isBefore(giveUp)) {
                throw ActionException.permanent(
                        "Gave up waiting for " + what + " after " + Durations.human(Duration.between(start, now))
                                + "; check it by hand, then retry or skip this step");
            }
            publish.accept(current.get()
                    .progress(
                            StepState.WAITING,
                            "Waiting for " + what + " (" + Durations.human(Duration.between(start, now)) + ")",
                            null));
            Duration delay = settings.pollBackoff().delay(poll);
            Duration left = Duration.between(now, giveUp);
            settings.sleeper().sleep(delay.compareTo(left) < 0 ? delay : left);
        }
    }

    @Override
    public void pause(Duration duration) throws InterruptedException {
        if (cancelled) throw new InterruptedException();
        settings.sleeper().sleep(duration);
        if (cancelled) throw new InterruptedException();
    }

    @Override
    public OperatorInput awaitOperator() throws InterruptedException {
        try {
            return operatorGate.get();
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            throw new InterruptedException("cancelled");
        }
    }
}
