package dev.drpilot.app.cli;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.app.wiring.TeamLogs;
import dev.drpilot.teamlog.Approval;
import dev.drpilot.teamlog.TeamLogException;
import dev.drpilot.teamlog.TeamLogStore;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** A second responder approves (or refuses) a step that waits for a second person's approval, in the team log. */
@Command(
        name = "approve",
        mixinStandardHelpOptions = true,
        description = {
            "Approves (or with --refuse, refuses) a step that waits for a second person's approval.",
            "Shows the exact command, its target and account first. The decision goes to the team log, where the",
            "laptop that asked reads it: approved, the step runs once; refused, it does not run. Nobody decides their",
            "own request. Exit status 0 when the decision is stored; 1 when it cannot be (no request waiting, your own",
            "request, the team log unreachable); 2 for a wrong URL."
        })
public final class ApproveCommand implements Callable<Integer> {

    private final TeamLogs teamLogs;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INCIDENT", description = "The incident's id.")
    String incidentId;

    @Parameters(index = "1", paramLabel = "STEP", description = "The id of the step that waits for approval.")
    String stepId;

    @Option(
            names = "--team-log",
            required = true,
            paramLabel = "URL",
            description = {
                "The team log at this PostgreSQL URL (jdbc:postgresql://HOST:5432/DATABASE?user=NAME);",
                "the password comes from PGPASSWORD or a pgpass file."
            })
    String url;

    @Option(names = "--refuse", description = "Refuse the step instead: it does not run.")
    boolean refuse;

    @Option(
            names = "--reason",
            required = true,
            paramLabel = "TEXT",
            description = "Why: it goes into the incident's log and the post-mortem.")
    String reason;

    public ApproveCommand(DrPilotServices services) {
        this.teamLogs = services.teamLogs();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (reason.isBlank()) {
            err.println("Say why with --reason: the decision's reason goes into the incident's log.");
            return 2;
        }
        TeamLogStore store;
        try {
            store = teamLogs.open(url);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        try (store) {
            Optional<Approval> newest = store.newestApproval(incidentId, stepId);
            if (newest.isEmpty()) {
                err.println("No approval request for step " + stepId + " of " + incidentId + " in the "
                        + store.database() + ": it asks when its run reaches it; check the incident and step ids.");
                return 1;
            }
            Approval request = newest.get();
            show(request, out);
            if (request.decided()) {
                err.println("Already " + (request.approved() ? "approved" : "refused") + " by " + request.decidedBy()
                        + ": " + request.reason() + ". A new run of the step asks again.");
                return 1;
            }
            String me = teamLogs.responder();
            if (me.equals(request.requestedBy())) {
                err.println("You (" + me + ") asked for this approval: a second person must decide it, not the"
                        + " responder who runs the step.");
                return 1;
            }
            store.decideApproval(request.requestId(), me, !refuse, reason.strip());
            out.println(
                    refuse
                            ? "Refused: the step does not run; " + request.requestedBy()
                                    + "'s DR Pilot logs your reason."
                            : "Approved by " + me + ": " + request.requestedBy()
                                    + "'s DR Pilot runs the step once, and logs your approval.");
            return 0;
        } catch (TeamLogException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private void show(Approval request, PrintWriter out) {
        out.println(incidentId + ", step " + stepId + ": " + request.requestedBy() + " (laptop " + request.laptop()
                + ") asks a second person to approve");
        out.println("  command: " + request.command());
        out.println("  target:  " + request.target());
        out.println("  account: " + request.account());
        out.flush();
    }
}
