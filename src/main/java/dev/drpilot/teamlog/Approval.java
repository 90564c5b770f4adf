package dev.drpilot.teamlog;

import java.time.Instant;

/**
 * A request for a second person's approval of one step, as the team log holds it, with its decision
 * once there is one.
 *
 * @param approved   true when approved, false when refused, null while undecided
 * @param decidedBy  the responder who decided, never the one who asked; null while undecided
 */
public record Approval(
        String requestId,
        String incidentId,
        String stepId,
        String requestedBy,
        String laptop,
        String command,
        String target,
        String account,
        Instant requestedAt,
        String decidedBy,
        Boolean approved,
        String reason,
        Instant decidedAt) {

    /** A new request, undecided. */
    public static Approval requested(
            String requestId,
            String incidentId,
            String stepId,
            Writer requester,
            String command,
            String target,
            String account) {
        return new Approval(
                requestId,
                incidentId,
                stepId,
                requester.responder(),
                requester.laptop(),
                command,
                target,
                account,
                null,
                null,
                null,
                null,
                null);
    }

    public boolean decided() {
        return approved != null;
    }
}
