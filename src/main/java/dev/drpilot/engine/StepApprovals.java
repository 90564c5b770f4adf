package dev.drpilot.engine;

import dev.drpilot.incident.EventData;
import dev.drpilot.incident.IncidentEvent;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The second-person approvals of an incident's steps ({@code approval: second-person}): each run of
 * such a step first asks (an APPROVAL_REQUESTED event naming who asks, the exact command, its target
 * and account) and waits; a decision is logged, and an approval lets the step run once. Nobody
 * approves a request they made.
 */
final class StepApprovals {

    /** What the request names as the account when no AWS call of the incident has said it yet. */
    static final String ACCOUNT_NOT_KNOWN = "not known yet (no AWS call of this incident has named it)";

    private final StepBoard board;
    private final StepInputs inputs;
    private final IncidentJournal journal;
    private final Clock clock;
    private final Map<String, EventData.ApprovalRequested> pending = new HashMap<>();
    private final Set<String> approved = new HashSet<>();

    StepApprovals(StepBoard board, StepInputs inputs, IncidentJournal journal, Clock clock) {
        this.board = board;
        this.inputs = inputs;
        this.journal = journal;
        this.clock = clock;
    }

    /** Whether this run of the step must ask a second person first. */
    synchronized boolean needsRequest(StepRun run) {
        return run.step().secondPerson() && !approved.contains(run.id());
    }

    /** Asks: the request goes to the log, and the step waits for its decision. */
    synchronized EventData.ApprovalRequested request(StepRun run) {
        EventData.ApprovalRequested request = new EventData.ApprovalRequested(
                UUID.randomUUID().toString(),
                System.getProperty("user.name", "operator"),
                run.command() == null ? run.step().title() : run.command(),
                run.step().destructive()
                        ? inputs.confirmationText(run.step())
                        : run.step().title(),
                account());
        journal.record(request, run.id());
        pending.put(run.id(), request);
        board.update(run.with(StepState.AWAITING_APPROVAL, waiting(request)));
        return request;
    }

    /** The request the step waits on. */
    synchronized EventData.ApprovalRequested pending(String stepId) {
        EventData.ApprovalRequested request = pending.get(stepId);
        if (request == null || board.step(stepId).state() != StepState.AWAITING_APPROVAL) {
            throw new IllegalStateException("step '" + stepId + "' is not waiting for an approval");
        }
        return request;
    }

    /**
     * Logs the decision on the step's pending request.
     *
     * @return true when the step may now run (approved, or overridden by the commander)
     * @throws IllegalArgumentException when the one who asked tries to approve their own request, or no reason is given
     */
    synchronized boolean decide(String stepId, ApprovalDecision decision) {
        EventData.ApprovalRequested request = pending(stepId);
        if (decision.reason() == null || decision.reason().isBlank()) {
            throw new IllegalArgumentException("say why: an approval decision needs a reason");
        }
        String reason = decision.reason().strip();
        switch (decision) {
            case ApprovalDecision.Given given -> {
                if (given.approver().equals(request.requestedBy())) {
                    throw new IllegalArgumentException(selfApproval(request.requestedBy()));
                }
                journal.record(new EventData.ApprovalGiven(request.requestId(), given.approver(), reason), stepId);
                allow(stepId, "Approved by " + given.approver() + ": " + reason);
            }
            case ApprovalDecision.Overridden overridden -> {
                journal.record(
                        new EventData.ApprovalOverridden(request.requestId(), overridden.commander(), reason), stepId);
                allow(stepId, "Approved by override, no second person (" + overridden.commander() + "): " + reason);
            }
            case ApprovalDecision.Refused refused -> {
                journal.record(new EventData.ApprovalRefused(request.requestId(), refused.approver(), reason), stepId);
                pending.remove(stepId);
                board.update(board.step(stepId)
                        .ended(StepState.CANCELLED, clock.instant(), Map.of(), refusal(refused.approver(), reason)));
                return false;
            }
        }
        return true;
    }

    /** The step stops waiting without a decision (cancelled): its next run asks again. */
    synchronized void withdraw(String stepId) {
        pending.remove(stepId);
        String message = "Cancelled while it waited for a second person's approval";
        journal.record(new EventData.StepCancelled("approval not given", message), stepId);
        board.update(board.step(stepId).ended(StepState.CANCELLED, clock.instant(), Map.of(), message));
    }

    /** The step starts on its approval: the next run asks again. */
    synchronized void usedBy(String stepId) {
        approved.remove(stepId);
    }

    /** The log says the step waits on this request. */
    synchronized void restorePending(String stepId, EventData.ApprovalRequested request) {
        pending.put(stepId, request);
    }

    /** The log says the step was approved and has not started since. */
    synchronized void restoreApproved(String stepId) {
        pending.remove(stepId);
        approved.add(stepId);
    }

    static String waiting(EventData.ApprovalRequested request) {
        return "Waiting for a second person to approve (asked by " + request.requestedBy() + ")";
    }

    static String refusal(String approver, String reason) {
        return "Refused by " + approver + ": " + reason;
    }

    static String selfApproval(String requester) {
        return requester + " asked for this approval and cannot give it: a second person must approve it";
    }

    private void allow(String stepId, String message) {
        pending.remove(stepId);
        approved.add(stepId);
        board.update(board.step(stepId).with(StepState.PENDING, message));
    }

    /** The account the incident's last AWS identity check named. */
    private String account() {
        List<IncidentEvent> events = journal.events();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).data() instanceof EventData.CallerIdentity identity && identity.account() != null) {
                return identity.account();
            }
        }
        return ACCOUNT_NOT_KNOWN;
    }
}
