package dev.drpilot.app.cli;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.app.wiring.TeamLogConnection;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.InvalidParametersException;
import dev.drpilot.engine.RunbookChange;
import dev.drpilot.engine.RunbookChangedException;
import dev.drpilot.engine.StepRun;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.runbook.Runbook;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "resume",
        mixinStandardHelpOptions = true,
        description = {
            "Takes an open incident up where its log says it stood and runs its remaining steps.",
            "A step that was running when DR Pilot stopped shows as interrupted: check its resource before retrying.",
            "An incident another DR Pilot drives (a window, another terminal) is refused unless you --take-over.",
            "When the runbook file changed since the incident recorded it, shows the difference and asks before resuming."
        })
public final class ResumeCommand implements Callable<Integer> {

    private final DrPilotServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    RunbookOptions runbooks;

    @Mixin
    LogOptions log;

    @Mixin
    TeamLogOptions teamLog;

    @Parameters(paramLabel = "INCIDENT")
    String incidentId;

    @Option(
            names = "--override-approval",
            paramLabel = "REASON",
            description = {
                "As incident commander, go ahead without a second person where a step needs one and no team log can",
                "be asked (none given, or unreachable); the reason is logged and the post-mortem flags it."
            })
    String overrideApproval;

    @Option(
            names = {"-p", "--param"},
            paramLabel = "NAME=VALUE",
            description = "Secret parameters again (the log never keeps them); better given with the --secret options.")
    Map<String, String> params = new HashMap<>();

    @Mixin
    SecretOptions secrets = new SecretOptions();

    @Option(names = "--yes-to-confirmations", description = "Confirm destructive steps without asking.")
    boolean yes;

    @Option(
            names = "--accept-changed-runbook",
            description =
                    "Resume even when the runbook file changed since the incident recorded it, without asking (for scripts);"
                            + " the difference is still shown, and the change is logged.")
    boolean acceptChangedRunbook;

    @Option(
            names = "--take-over",
            description =
                    "Drive the incident even though another DR Pilot drives it now: it stops, and the take-over is logged.")
    boolean takeOver;

    public ResumeCommand(DrPilotServices services) {
        this.services = services;
    }

    /** Shows the runbook's change and asks; only y (or the option) goes on: a script that did not say so is refused. */
    private boolean accepted(RunbookChange change, BufferedReader in, PrintWriter out) throws java.io.IOException {
        out.println(change.sentence());
        out.println(change.diffText());
        if (acceptChangedRunbook) {
            out.println("Resuming with the changed runbook (--accept-changed-runbook); the change is logged.");
            return true;
        }
        out.print("Resume with the changed runbook? [y/N] ");
        out.flush();
        String answer = in.readLine();
        return answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (IncidentLogStore store = log.open()) {
            Optional<Incident> incident =
                    LogOptions.find(store, incidentId, spec.commandLine().getErr());
            if (incident.isEmpty()) return 1;
            List<Runbook> all = runbooks.loadOrReport(err);
            if (all == null) return 1;
            Runbook runbook = all.stream()
                    .filter(r -> r.id().equals(incident.get().runbookId()))
                    .findFirst()
                    .orElse(null);
            if (runbook == null) {
                err.println("the runbook '" + incident.get().runbookId() + "' of " + incidentId + " is not in "
                        + runbooks.folder);
                return 1;
            }
            if (IncidentEngine.exerciseOf(store.events(incidentId)).isPresent()) {
                err.println(incidentId
                        + " is a tabletop rehearsal: its exercise's script plays every step and nothing is called;"
                        + " resume it in the window (drpilot, then Resume it)");
                return 1;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            Optional<RunbookChange> change = RunbookChange.of(store, incident.get(), runbook);
            if (change.isPresent() && !accepted(change.get(), in, out)) {
                err.println("Not resumed: " + incidentId
                        + " recorded another version of its runbook; resume it again and answer y,"
                        + " or add --accept-changed-runbook.");
                return 1;
            }
            Map<String, String> values;
            try {
                values = secrets.collect(runbook, params, in, err, true);
            } catch (InvalidParametersException e) {
                e.problems().forEach(err::println);
                err.println("nothing was resumed");
                return 1;
            }
            TeamLogConnection team;
            try {
                team = teamLog.connect(store);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                err.println(e.getMessage());
                err.println("nothing was resumed");
                return 2;
            }
            try (team) {
                return resume(store, incident.get(), runbook, values, change, team, in, out, err);
            }
        }
    }

    /** @param team the team log the events go to as well, or null */
    private int resume(
            IncidentLogStore store,
            Incident incident,
            Runbook runbook,
            Map<String, String> values,
            Optional<RunbookChange> change,
            TeamLogConnection team,
            BufferedReader in,
            PrintWriter out,
            PrintWriter err)
            throws Exception {
        IncidentRun run;
        try {
            run = services.engine(store).resume(incident, runbook, values, change.orElse(null));
        } catch (InvalidParametersException e) {
            e.problems().forEach(p -> err.println("parameter " + p));
            return 1;
        } catch (RunbookChangedException e) {
            err.println(e.getMessage());
            return 1;
        }
        try (run) {
            if (run.driving().elsewhere().isPresent()) {
                if (!takeOver) {
                    err.println(incidentId + " is driven by "
                            + run.driving().elsewhere().get().label()
                            + ": work there, or take it over with `drpilot resume " + incidentId + " --take-over`");
                    return 1;
                }
                String from = run.driving().elsewhere().get().seat().label();
                run.driving().takeOver();
                change.ifPresent(c -> c.recordIn(run));
                out.println("Took " + incidentId + " over from " + from + " (logged); it stops running steps.");
            }
            out.println("Resumed " + incidentId + ": " + runbook.title());
            for (StepRun step : run.steps()) {
                out.println("   " + step.state().label() + ": " + step.step().title()
                        + (step.message() == null ? "" : " - " + step.message()));
            }
            run.driving().followTheLog();
            ConsoleSession session = new ConsoleSession(run, store, in, out, yes);
            if (team != null) session.sendTo(team);
            if (overrideApproval != null) session.overrideApprovalsWith(overrideApproval);
            int status = session.runAndReport();
            if (team != null) teamLog.finish(team, incidentId, out);
            return status;
        }
    }
}
