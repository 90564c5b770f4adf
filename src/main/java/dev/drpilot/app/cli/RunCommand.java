package dev.drpilot.app.cli;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.app.wiring.TeamLogConnection;
import dev.drpilot.engine.DryRun;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.InvalidParametersException;
import dev.drpilot.engine.ParameterValues;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.IncidentState;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Declares an incident and runs a runbook's steps in order, recording everything in the incident log.",
            "With --dry-run, shows every step's request and equivalent command without calling or recording anything."
        })
public final class RunCommand implements Callable<Integer> {

    private final DrPilotServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    RunbookOptions runbooks;

    @Mixin
    LogOptions log;

    @Mixin
    TeamLogOptions teamLog;

    @Parameters(paramLabel = "ID", description = "The runbook id (see `list`).")
    String id;

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
            description = "A parameter value (a secret one is better given with the --secret options).")
    Map<String, String> params = new HashMap<>();

    @Mixin
    SecretOptions secrets = new SecretOptions();

    @Option(names = "--dry-run", description = "Show what would run; call nothing, record nothing.")
    boolean dryRun;

    @Option(
            names = "--yes-to-confirmations",
            description = "Confirm destructive steps without asking (scripts, rehearsals).")
    boolean yes;

    @Option(names = "--rehearsal", description = "Record it as a rehearsal rather than a live incident.")
    boolean rehearsal;

    @Option(names = "--severity", paramLabel = "SEV")
    String severity;

    @Option(names = "--commander", paramLabel = "NAME")
    String commander;

    @Option(
            names = "--failure-started-at",
            paramLabel = "INSTANT",
            description = "When the failure began, if before now (UTC); the clocks count from it.")
    Instant failureStartedAt;

    public RunCommand(DrPilotServices services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Runbook> all = runbooks.loadOrReport(err);
        if (all == null) return 1;
        Runbook runbook =
                all.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
        if (runbook == null) {
            err.println("no runbook '" + id + "' in " + runbooks.folder + "; `drpilot list` shows the ids");
            return 1;
        }
        if (rehearsal && runbook.kind() == RunbookKind.RECOVERY) {
            err.println("a recovery runbook is rehearsed at the table, where no step calls AWS or Kubernetes:"
                    + " `drpilot rehearse` lists the exercises (or open the app and choose Rehearse)");
            return 2;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Map<String, String> values;
        try {
            values = secrets.collect(runbook, params, in, err, !dryRun);
        } catch (InvalidParametersException e) {
            e.problems().forEach(err::println);
            err.println("nothing was run");
            return 1;
        }
        if (dryRun) return dryRun(runbook, values, out, err);
        try (IncidentLogStore store = log.open()) {
            TeamLogConnection team;
            try {
                team = teamLog.connect(store);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                err.println(e.getMessage());
                err.println("nothing was run");
                return 2;
            }
            try (team) {
                return declareAndRun(store, team, runbook, values, in, out, err);
            }
        }
    }

    /** @param team the team log the events go to as well, or null */
    private int declareAndRun(
            IncidentLogStore store,
            TeamLogConnection team,
            Runbook runbook,
            Map<String, String> values,
            BufferedReader in,
            PrintWriter out,
            PrintWriter err)
            throws Exception {
        store.incidents().stream()
                .filter(i -> i.mode() == IncidentMode.LIVE && i.state() == IncidentState.OPEN)
                .forEach(i -> out.println(
                        "Open incident " + i.id() + " (" + i.runbookId() + "): continue it with `drpilot resume "
                                + i.id() + "`, or `drpilot resolve " + i.id() + "` once the service is back"));
        IncidentRun run;
        try {
            run = services.engine(store)
                    .declare(
                            runbook,
                            values,
                            new NewIncident(
                                    runbook.id(),
                                    runbook.title(),
                                    rehearsal ? IncidentMode.REHEARSAL : IncidentMode.LIVE,
                                    severity,
                                    commander,
                                    failureStartedAt));
        } catch (InvalidParametersException e) {
            e.problems().forEach(p -> err.println("parameter " + p));
            err.println("nothing was run; fix the parameters and run again");
            return 1;
        }
        out.println("Incident " + run.incidentId() + " declared: " + runbook.title());
        try (run) {
            run.driving().followTheLog();
            ConsoleSession session = new ConsoleSession(run, store, in, out, yes);
            if (team != null) session.sendTo(team);
            if (overrideApproval != null) session.overrideApprovalsWith(overrideApproval);
            int status = session.runAndReport();
            if (team != null) teamLog.finish(team, run.incidentId(), out);
            return status;
        }
    }

    private int dryRun(Runbook runbook, Map<String, String> given, PrintWriter out, PrintWriter err) {
        ParameterValues values;
        try {
            values = ParameterValues.forPreview(runbook, given);
        } catch (InvalidParametersException e) {
            e.problems().forEach(p -> err.println("parameter " + p));
            return 1;
        }
        out.println("Dry run of " + runbook.id() + " - " + runbook.title() + ": nothing is called or recorded.");
        int n = 1;
        for (DryRun.Line line : DryRun.of(runbook, values, services.catalog())) {
            out.println();
            out.println(n++ + ". [" + line.step().phase().label() + "] "
                    + line.step().title());
            if (line.step().isManual()) {
                out.println("   manual: " + line.instructions().replace("\n", "\n   "));
            } else {
                out.println("   " + line.step().action() + " " + line.request());
                out.println("   $ " + line.command());
            }
            if (line.confirmation() != null) out.println("   DESTRUCTIVE: asks to type " + line.confirmation());
        }
        out.flush();
        return 0;
    }
}
