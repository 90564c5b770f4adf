package dev.drpilot.app.cli;

import dev.drpilot.app.wiring.TeamLogConnection;
import dev.drpilot.engine.ApprovalDecision;
import dev.drpilot.engine.StepRun;
import dev.drpilot.incident.EventData;
import dev.drpilot.teamlog.Approval;
import dev.drpilot.teamlog.TeamLogException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a terminal gets a second person's decision on a step: through the team log (the request goes
 * there, and the decision another responder makes with `drpilot approve` is read back every half
 * second), or, with no team log or while it cannot be reached, as the incident commander's override
 * with a reason (--override-approval, or typed at the prompt), which the post-mortem flags.
 */
final class TerminalApprovals {

    private static final long POLL_MILLIS = 500;

    private final String incidentId;
    private final PrintWriter out;
    private final Function<String, String> ask;
    private TeamLogConnection team;
    private String overrideReason;

    /** @param ask asks the person at the terminal: their answer, or null when the input ended */
    TerminalApprovals(String incidentId, PrintWriter out, Function<String, String> ask) {
        this.incidentId = incidentId;
        this.out = out;
        this.ask = ask;
    }

    void through(TeamLogConnection teamLog) {
        this.team = teamLog;
    }

    /** Goes ahead by override with this reason whenever no second person can be asked. */
    void overrideWith(String reason) {
        this.overrideReason = reason;
    }

    Optional<ApprovalDecision> decide(StepRun step, EventData.ApprovalRequested request) throws InterruptedException {
        out.println("   NEEDS A SECOND PERSON'S APPROVAL: `" + request.command() + "` on " + request.target()
                + " in account " + request.account());
        out.flush();
        if (team != null) {
            try {
                team.requestApproval(incidentId, step.id(), request);
                out.println("   Waiting for another responder to run: drpilot approve " + incidentId + " " + step.id()
                        + " --team-log URL --reason TEXT (or --refuse)");
                out.flush();
                return Optional.of(awaitDecision(request.requestId()));
            } catch (TeamLogException e) {
                out.println("   " + e.getMessage());
            }
        }
        return override();
    }

    private ApprovalDecision awaitDecision(String requestId) throws InterruptedException {
        boolean saidOffline = false;
        while (true) {
            try {
                Optional<Approval> approval = team.approval(requestId);
                if (approval.isPresent() && approval.get().decided()) {
                    Approval decided = approval.get();
                    out.println("   " + (decided.approved() ? "Approved" : "Refused") + " by " + decided.decidedBy()
                            + ": " + decided.reason());
                    out.flush();
                    return decided.approved()
                            ? new ApprovalDecision.Given(decided.decidedBy(), decided.reason())
                            : new ApprovalDecision.Refused(decided.decidedBy(), decided.reason());
                }
                saidOffline = false;
            } catch (TeamLogException e) {
                if (!saidOffline) {
                    out.println("   " + e.getMessage() + " Still waiting; or stop (Ctrl-C) and resume with"
                            + " --override-approval REASON as incident commander.");
                    out.flush();
                }
                saidOffline = true;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private Optional<ApprovalDecision> override() {
        String reason = overrideReason;
        if (reason == null) {
            reason = ask.apply("   No second person can be asked here. As incident commander, type why you go ahead"
                    + " alone (the post-mortem flags it), or press Enter to stop: ");
        }
        if (reason == null || reason.isBlank()) return Optional.empty();
        out.println("   Approved by override, no second person: the post-mortem will say so.");
        out.flush();
        return Optional.of(
                new ApprovalDecision.Overridden(System.getProperty("user.name", "operator"), reason.strip()));
    }
}
