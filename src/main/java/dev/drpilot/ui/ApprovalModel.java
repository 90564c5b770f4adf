package dev.drpilot.ui;

import dev.drpilot.engine.ApprovalDecision;
import dev.drpilot.engine.ApprovalDesk;
import dev.drpilot.engine.ApprovalDeskException;
import dev.drpilot.engine.ApprovalWait;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.Sleeper;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.DaemonThreads;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.IncidentEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/**
 * The step that waits for a second person's approval, as its panel shows it: the exact command, target and account,
 * who asked and how long ago; with a team log, the request goes there and the decision another responder makes is
 * watched for ({@link ApprovalWait}, as the terminal does) and logged; with none, or while it cannot be reached, the
 * incident commander may go ahead by override with a reason.
 */
final class ApprovalModel {

    private final IncidentRun run;
    private final Optional<ApprovalDesk> desk;
    private final TaskRunner tasks;
    private final ObservableList<IncidentEvent> events;
    private final ExecutorService waits = Executors.newCachedThreadPool(new DaemonThreads("drpilot-approval-wait"));
    private final ReadOnlyObjectWrapper<StepRun> step = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper command = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper target = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper asked = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper overrideOffered = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private EventData.ApprovalRequested request;
    private Instant askedAt;
    private Future<?> waiting;

    ApprovalModel(
            IncidentRun run, Optional<ApprovalDesk> desk, TaskRunner tasks, ObservableList<IncidentEvent> events) {
        this.run = run;
        this.desk = desk;
        this.tasks = tasks;
        this.events = events;
    }

    /** The step waiting for approval, or null when none waits. */
    ReadOnlyObjectProperty<StepRun> step() {
        return step.getReadOnlyProperty();
    }

    /** The exact command to be approved. */
    ReadOnlyStringProperty command() {
        return command.getReadOnlyProperty();
    }

    /** "on api.example.com in account 123456789012". */
    ReadOnlyStringProperty target() {
        return target.getReadOnlyProperty();
    }

    /** "Asked by alice at 12:00:03 UTC · waiting 1 min 20 s", as of the last tick. */
    ReadOnlyStringProperty asked() {
        return asked.getReadOnlyProperty();
    }

    /** Where the request stands: in the team log, waiting for another responder; or why nobody else can be asked. */
    ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    /** Whether the commander may go ahead alone now: no team log, or it cannot be reached. */
    ReadOnlyBooleanProperty overrideOffered() {
        return overrideOffered.getReadOnlyProperty();
    }

    /** The last refusal, with the refuser's reason; empty when none (or once the operator has read it). */
    ReadOnlyStringProperty outcome() {
        return outcome.getReadOnlyProperty();
    }

    /** What could not be done, in words; empty when nothing went wrong. */
    ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }

    /** The steps changed: the one waiting for approval is shown, and its request asked for (once per request). */
    void show(List<StepRun> steps) {
        StepRun awaiting = steps.stream()
                .filter(s -> s.state() == StepState.AWAITING_APPROVAL)
                .findFirst()
                .orElse(null);
        if (awaiting == null) {
            stopWaiting();
            step.set(null);
            request = null;
            return;
        }
        step.set(awaiting);
        EventData.ApprovalRequested pending;
        try {
            pending = run.team().approvalRequest(awaiting.id());
        } catch (IllegalStateException e) {
            return; // decided between the change and now: the next change shows it
        }
        if (request != null && request.requestId().equals(pending.requestId())) return;
        stopWaiting();
        request = pending;
        askedAt = null;
        outcome.set("");
        problem.set("");
        command.set(pending.command());
        target.set("on " + pending.target() + " in account " + pending.account());
        tick(run.clock().instant());
        if (desk.isEmpty()) {
            offerOverride("No team log: nobody else can be asked from this window.");
        } else {
            status.set("Asking the team log...");
            overrideOffered.set(false);
            String stepId = awaiting.id();
            waiting = waits.submit(() -> await(desk.get(), stepId, pending));
        }
    }

    /** The panel's second: how long the step has waited. */
    void tick(Instant now) {
        if (request == null) return;
        if (askedAt == null) askedAt = askedAt(request.requestId());
        asked.set("Asked by " + request.requestedBy()
                + (askedAt == null
                        ? ""
                        : " at " + IncidentViewModel.TIME.format(askedAt) + " UTC · waiting "
                                + waited(Duration.between(askedAt, now))));
    }

    /** The incident commander goes ahead alone with {@code reason}, which the log and the post-mortem flag. */
    void override(String reason) {
        StepRun awaiting = step.get();
        if (awaiting == null || !overrideOffered.get()) return;
        if (reason == null || reason.isBlank()) {
            problem.set("Say why you go ahead without a second person: the post-mortem shows the reason.");
            return;
        }
        stopWaiting();
        problem.set("");
        ApprovalDecision decision =
                new ApprovalDecision.Overridden(System.getProperty("user.name", "operator"), reason.strip());
        tasks.run(() -> run.team().decideApproval(awaiting.id(), decision), problem::set);
    }

    /** The operator has read the refusal: it goes. */
    void dismissOutcome() {
        outcome.set("");
    }

    /** The screen is left: the wait stops (the request stays in the team log, and the step waits in the log). */
    void close() {
        stopWaiting();
        waits.shutdownNow();
    }

    /** "45 s", "1 min 20 s", "2 h 5 min". */
    static String waited(Duration waited) {
        long seconds = Math.max(0, waited.toSeconds());
        if (seconds < 60) return seconds + " s";
        if (seconds < 3600) return seconds / 60 + " min " + seconds % 60 + " s";
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    /** On the wait's own thread: asks, waits, and logs the decision; interrupted when the screen stops waiting. */
    private void await(ApprovalDesk at, String stepId, EventData.ApprovalRequested pending) {
        ApprovalDecision decision;
        try {
            decision = new ApprovalWait(at, Sleeper.real()).await(run.incidentId(), stepId, pending, progress(stepId));
        } catch (ApprovalDeskException e) {
            tasks.onScreen(() -> offerOverride(e.getMessage()));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            run.team().decideApproval(stepId, decision);
            if (decision instanceof ApprovalDecision.Refused) {
                tasks.onScreen(() -> outcome.set(decision.inWords() + ". The step did not run."));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            tasks.onScreen(() -> problem.set(e.getMessage()));
        }
    }

    private ApprovalWait.Progress progress(String stepId) {
        String waitingWords = "In the team log: another responder approves or refuses it with drpilot approve "
                + run.incidentId() + " " + stepId + " --team-log URL --reason TEXT (or --refuse).";
        return new ApprovalWait.Progress() {
            @Override
            public void asked() {
                tasks.onScreen(() -> {
                    status.set(waitingWords);
                    overrideOffered.set(false);
                });
            }

            @Override
            public void unreachable(String why) {
                tasks.onScreen(() -> offerOverride(why + " Still waiting for a decision."));
            }

            @Override
            public void reachable() {
                asked();
            }
        };
    }

    private void offerOverride(String why) {
        status.set(why + " As incident commander you may go ahead by override, with a reason the post-mortem flags.");
        overrideOffered.set(true);
    }

    private void stopWaiting() {
        if (waiting != null) waiting.cancel(true);
        waiting = null;
    }

    private Instant askedAt(String requestId) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).data() instanceof EventData.ApprovalRequested asked
                    && asked.requestId().equals(requestId)) {
                return events.get(i).time();
            }
        }
        return null;
    }
}
