package dev.drpilot.engine;

import dev.drpilot.incident.EventData;
import dev.drpilot.incident.IncidentEvent;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts an incident's steps where its log says they stand: all at once when it is opened, and one
 * event at a time as another DR Pilot writes them.
 */
final class IncidentReplay {

    private final StepBoard board;
    private final StepScheduler scheduler;
    private final IncidentLife life;
    private final IncidentJournal journal;
    private final Clock clock;

    IncidentReplay(StepBoard board, StepScheduler scheduler, IncidentLife life, IncidentJournal journal, Clock clock) {
        this.board = board;
        this.scheduler = scheduler;
        this.life = life;
        this.journal = journal;
        this.clock = clock;
    }

    void replay(List<IncidentEvent> events) {
        Map<String, StepRun> states = new LinkedHashMap<>();
        Map<String, Map<String, Object>> outputs = new HashMap<>();
        Set<String> confirmed = new HashSet<>();
        Map<String, EventData.ApprovalRequested> asked = new HashMap<>();
        Set<String> approved = new HashSet<>();
        for (IncidentEvent event : events) {
            EventData data = event.data();
            if (incidentWide(data) || event.stepId() == null) continue;
            StepRun step = states.computeIfAbsent(event.stepId(), board::step);
            if (data instanceof EventData.ConfirmationGiven) confirmed.add(event.stepId());
            approvals(event.stepId(), data, asked, approved);
            if (data instanceof EventData.StepSucceeded succeeded) {
                outputs.put(event.stepId(), outputsOf(succeeded.outputs()));
                confirmed.remove(event.stepId());
            }
            states.put(event.stepId(), next(step, event, data));
        }
        for (StepRun step : states.values()) {
            board.restore(step, outputs.get(step.id()));
            if (confirmed.contains(step.id())) scheduler.restoreConfirmed(step.id());
            if (approved.contains(step.id())) scheduler.approvals().restoreApproved(step.id());
            if (asked.containsKey(step.id())) scheduler.approvals().restorePending(step.id(), asked.get(step.id()));
        }
        board.refreshCommands();
    }

    /** Which steps wait on an approval request, and which were approved and have not started since. */
    private static void approvals(
            String stepId, EventData data, Map<String, EventData.ApprovalRequested> asked, Set<String> approved) {
        switch (data) {
            case EventData.ApprovalRequested request -> asked.put(stepId, request);
            case EventData.ApprovalGiven given -> {
                asked.remove(stepId);
                approved.add(stepId);
            }
            case EventData.ApprovalOverridden overridden -> {
                asked.remove(stepId);
                approved.add(stepId);
            }
            case EventData.ApprovalRefused refused -> asked.remove(stepId);
            case EventData.StepCancelled cancelled -> asked.remove(stepId);
            case EventData.StepStarted started -> approved.remove(stepId);
            default -> {}
        }
    }

    /** One event another process wrote, applied as it arrives. */
    void follow(IncidentEvent event) {
        EventData data = event.data();
        if (incidentWide(data) || event.stepId() == null) return;
        StepRun next = next(board.step(event.stepId()), event, data);
        board.followed(next, data instanceof EventData.StepSucceeded succeeded ? outputsOf(succeeded.outputs()) : null);
    }

    /**
     * Steps the log shows as running that no thread of this process runs: the DR Pilot that ran
     * them stopped (a crash, a closed laptop) or let go in the middle. Each becomes interrupted,
     * and that is logged.
     */
    void interruptLeftOver(Set<String> runningHere) {
        for (StepRun step : board.steps()) {
            if (!step.state().isActive() || runningHere.contains(step.id())) continue;
            String advice = step.step().isManual()
                    ? "DR Pilot stopped while this step waited for you; start it again to tick it off"
                    : "Was running when DR Pilot stopped: check "
                            + (step.command() == null ? "its resource" : "the resource of `" + step.command() + "`")
                            + " before you retry it";
            journal.record(new EventData.StepInterrupted(advice), step.id());
            board.update(step.ended(StepState.INTERRUPTED, clock.instant(), Map.of(), advice));
        }
    }

    /** A step added, or a clock breached: true when the event was one of those. */
    private boolean incidentWide(EventData data) {
        switch (data) {
            case EventData.StepAdded added -> board.insertManualStep(added);
            case EventData.ClockBreach breach -> life.restoreBreach(String.valueOf(breach.clock()));
            default -> {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> outputsOf(Map<String, Object> outputs) {
        return outputs == null ? Map.of() : outputs;
    }

    private static StepRun next(StepRun step, IncidentEvent event, EventData data) {
        return switch (data) {
            case EventData.StepStarted started -> step.started(event.time());
            case EventData.StepWaiting waiting ->
                step.progress(StepState.WAITING, "Waiting for " + waiting.waitingFor(), null);
            case EventData.ApprovalRequested request ->
                step.with(StepState.AWAITING_APPROVAL, StepApprovals.waiting(request));
            case EventData.ApprovalGiven given ->
                step.with(StepState.PENDING, "Approved by " + given.approver() + ": " + given.reason());
            case EventData.ApprovalOverridden overridden ->
                step.with(
                        StepState.PENDING,
                        "Approved by override, no second person (" + overridden.commander() + "): "
                                + overridden.reason());
            case EventData.ApprovalRefused refused ->
                step.ended(
                        StepState.CANCELLED,
                        event.time(),
                        Map.of(),
                        StepApprovals.refusal(refused.approver(), refused.reason()));
            case EventData.ConfirmationRequested asked ->
                step.with(StepState.AWAITING_CONFIRMATION, "Destructive: type '" + asked.type() + "' to go ahead");
            case EventData.StepSucceeded s ->
                step.ended(StepState.SUCCEEDED, event.time(), outputsOf(s.outputs()), String.valueOf(s.summary()));
            case EventData.StepFailed f ->
                step.ended(StepState.FAILED, event.time(), outputsOf(f.outputs()), String.valueOf(f.message()));
            case EventData.StepSkipped s ->
                step.ended(StepState.SKIPPED, event.time(), Map.of(), "Skipped: " + s.reason());
            case EventData.StepCancelled c ->
                step.ended(StepState.CANCELLED, event.time(), Map.of(), String.valueOf(c.message()));
            case EventData.StepInterrupted i ->
                step.ended(StepState.INTERRUPTED, event.time(), Map.of(), String.valueOf(i.message()));
            default -> step;
        };
    }
}
