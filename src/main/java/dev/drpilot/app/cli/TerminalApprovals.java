package dev.drpilot.app.cli;

import dev.drpilot.app.wiring.TeamLogConnection;
import dev.drpilot.engine.ApprovalDecision;
import dev.drpilot.engine.ApprovalDeskException;
import dev.drpilot.engine.ApprovalWait;
import dev.drpilot.engine.Sleeper;
import dev.drpilot.engine.StepRun;
import dev.drpilot.incident.EventData;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a terminal gets a second person's decision on a step: through the team log ({@link ApprovalWait}, as the
 * window does: the request goes there, and the decision another responder makes with `drpilot approve` is read back
 * every half second), or, with no team log or while it cannot be reached, as the incident commander's override
 * with a reason (--override-approval, or typed at the prompt), which the post-mortem flags.
 */
final class TerminalApprovals {

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
                ApprovalDecision decision =
                        new ApprovalWait(team, Sleeper.real()).await(incidentId, step.id(), request, progress(step));
                say(decision.inWords());
                return Optional.of(decision);
            } catch (ApprovalDeskException e) {
                say(e.getMessage());
            }
        }
        return override();
    }

    private ApprovalWait.Progress progress(StepRun step) {
        return new ApprovalWait.Progress() {
            @Override
            public void asked() {
                say("Waiting for another responder to run: drpilot approve " + incidentId + " " + step.id()
                        + " --team-log URL --reason TEXT (or --refuse)");
            }

            @Override
            public void unreachable(String why) {
                say(why + " Still waiting; or stop (Ctrl-C) and resume with --override-approval REASON as incident"
                        + " commander.");
            }

            @Override
            public void reachable() {}
        };
    }

    private void say(String line) {
        out.println("   " + line);
        out.flush();
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
