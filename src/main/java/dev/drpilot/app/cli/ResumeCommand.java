package dev.drpilot.app.cli;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.app.wiring.TeamLogConnection;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.InvalidParametersException;
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

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Takes an open incident up where its log says it stood and runs its remaining steps.",
                "A step that was running when DR Pilot stopped shows as interrupted: check its resource before retrying.",
                "An incident another DR Pilot drives (a window, another terminal) is refused unless you --take-over."})
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

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "Secret parameters again (the log never keeps them); better given with the --secret options.")
    Map<String, String> params = new HashMap<>();

    @Mixin
    SecretOptions secrets = new SecretOptions();

    @Option(names = "--yes-to-confirmations", description = "Confirm destructive steps without asking.")
    boolean yes;

    @Option(names = "--take-over", description = "Drive the incident even though another DR Pilot drives it now: it stops, and the take-over is logged.")
    boolean takeOver;

    public ResumeCommand(DrPilotServices services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (IncidentLogStore store = log.open()) {
            Optional<Incident> incident = LogOptions.find(store, incidentId, spec.commandLine().getErr());
            if (incident.isEmpty()) return 1;
            List<Runbook> all = runbooks.loadOrReport(err);
            if (all == null) return 1;
            Runbook runbook = all.stream().filter(r -> r.id().equals(incident.get().runbookId())).findFirst().orElse(null);
            if (runbook == null) {
                err.println("the runbook '" + incident.get().runbookId() + "' of " + incidentId + " is not in " + runbooks.folder);
                return 1;
            }
            if (IncidentEngine.exerciseOf(store.events(incidentId)).isPresent()) {
                err.println(incidentId + " is a tabletop rehearsal: its exercise's script plays every step and nothing is called;"
                        + " resume it in the window (drpilot, then Resume it)");
                return 1;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
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
                return resume(store, incident.get(), runbook, values, team, in, out, err);
            }
        }
    }

    /** @param team the team log the events go to as well, or null */
    private int resume(IncidentLogStore store, Incident incident, Runbook runbook, Map<String, String> values, TeamLogConnection team,
                       BufferedReader in, PrintWriter out, PrintWriter err) throws Exception {
        IncidentRun run;
        try {
            run = services.engine(store).resume(incident, runbook, values);
        } catch (InvalidParametersException e) {
            e.problems().forEach(p -> err.println("parameter " + p));
            return 1;
        }
        try (run) {
            if (run.drivenElsewhere().isPresent()) {
                if (!takeOver) {
                    err.println(incidentId + " is driven by " + run.drivenElsewhere().get().label()
                            + ": work there, or take it over with `drpilot resume " + incidentId + " --take-over`");
                    return 1;
                }
                String from = run.drivenElsewhere().get().seat().label();
                run.takeOver();
                out.println("Took " + incidentId + " over from " + from + " (logged); it stops running steps.");
            }
            out.println("Resumed " + incidentId + ": " + runbook.title());
            for (StepRun step : run.steps()) {
                out.println("   " + step.state().label() + ": " + step.step().title()
                        + (step.message() == null ? "" : " - " + step.message()));
            }
            run.followTheLog();
            ConsoleSession session = new ConsoleSession(run, store, in, out, yes);
            if (team != null) session.sendTo(team);
            int status = session.runAndReport();
            if (team != null) TeamLogOptions.finish(team, incidentId, out);
            return status;
        }
    }
}
