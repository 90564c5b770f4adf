package dev.drpilot.engine;

import dev.drpilot.incident.EventData;
import java.util.concurrent.Future;

/**
 * The commands of a run that involve the rest of the team: who runs a step across laptops (the team log's leases) and a
 * second person's approval of a step. Reached through {@link IncidentRun#team()}; each command holds the run's lock.
 */
public final class TeamSteps {

    private final IncidentRun run;
    private final IncidentLife life;
    private final DrivingSeat seat;
    private final StepScheduler scheduler;

    TeamSteps(IncidentRun run, IncidentLife life, DrivingSeat seat, StepScheduler scheduler) {
        this.run = run;
        this.life = life;
        this.seat = seat;
        this.scheduler = scheduler;
    }

    /**
     * From now on, asks {@code leases} before each step runs: a step another responder's laptop runs is not run here
     * (the team log's leases, docs/team-log.md). Without it, every step is this laptop's to run.
     */
    public void leaseStepsFrom(StepLeases leases) {
        scheduler.leaseStepsFrom(leases);
    }

    /** Whether the team log could not say who runs the step when it was last tried: the operator may run it anyway. */
    public boolean leaseUnknown(String stepId) {
        return scheduler.leaseUnknown(stepId);
    }

    /**
     * Runs a step whose lease the team log could not give (unreachable), as the operator decided after making sure no other
     * laptop runs it: the decision and {@code reason} are logged first.
     */
    public Future<?> startWithoutLease(String stepId, String reason) {
        synchronized (run) {
            life.refuseWhenClosed();
            seat.take(false);
            return scheduler.startWithoutLease(stepId, reason);
        }
    }

    /** What the step waiting for a second person's approval asked for: who asks, the exact command, target and account. */
    public EventData.ApprovalRequested approvalRequest(String stepId) {
        synchronized (run) {
            return scheduler.approvals().pending(stepId);
        }
    }

    /**
     * The decision on the step's approval request, logged: given or overridden, the step runs once (after its confirmation
     * when it is destructive); refused, it is cancelled with the reason.
     *
     * @throws IllegalArgumentException when the responder who asked approves their own request, or no reason is given
     */
    public Future<?> decideApproval(String stepId, ApprovalDecision decision) {
        synchronized (run) {
            life.refuseWhenClosed();
            seat.take(false);
            return scheduler.decide(stepId, decision);
        }
    }
}
