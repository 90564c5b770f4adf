package dev.drpilot.engine;

import dev.drpilot.incident.EventData;
import java.time.Duration;
import java.util.Optional;

/**
 * Waits for a second person's decision on a step: the request goes to the {@link ApprovalDesk}, which is then read
 * every half second until someone has decided it. While the desk cannot be reached it keeps waiting, and says so once
 * per outage. The terminal waits on its own thread, the window on one of its own; either interrupts it to stop.
 */
public final class ApprovalWait {

    /** How often the desk is read while nobody has decided. */
    public static final Duration POLL = Duration.ofMillis(500);

    /** Hears how the wait stands, on the waiting thread. */
    public interface Progress {

        /** The request is at the desk: another responder can decide it now. */
        void asked();

        /** The desk cannot be reached now ({@code why}, one sentence); the wait goes on. */
        void unreachable(String why);

        /** The desk can be reached again after {@link #unreachable}. */
        void reachable();
    }

    private final ApprovalDesk desk;
    private final Sleeper sleeper;

    public ApprovalWait(ApprovalDesk desk, Sleeper sleeper) {
        this.desk = desk;
        this.sleeper = sleeper;
    }

    /**
     * Asks, then waits for the decision.
     *
     * @throws ApprovalDeskException when the request cannot reach the desk (nobody can be asked: the commander may override)
     * @throws InterruptedException when the waiting thread is told to stop
     */
    public ApprovalDecision await(
            String incidentId, String stepId, EventData.ApprovalRequested request, Progress progress)
            throws InterruptedException {
        desk.ask(incidentId, stepId, request);
        progress.asked();
        boolean offline = false;
        while (true) {
            try {
                Optional<ApprovalDecision> decision = desk.decision(request.requestId());
                if (offline) progress.reachable();
                offline = false;
                if (decision.isPresent()) return decision.get();
            } catch (ApprovalDeskException e) {
                if (!offline) progress.unreachable(e.getMessage());
                offline = true;
            }
            sleeper.sleep(POLL);
        }
    }
}
