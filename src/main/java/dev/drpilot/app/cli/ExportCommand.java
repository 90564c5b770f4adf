package dev.drpilot.app.cli;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.export.ExportFormat;
import dev.drpilot.export.Exported;
import dev.drpilot.export.IncidentExports;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import dev.drpilot.teamlog.TeamEvent;
import dev.drpilot.teamlog.TeamLogException;
import dev.drpilot.teamlog.TeamLogStore;
import dev.drpilot.timeline.TeamRoster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Writes an incident's post-mortem: Markdown, HTML, JSON (every event, verifiable) or CSV.")
public final class ExportCommand implements Callable<Integer> {

    private final DrPilotServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    LogOptions log;

    @Mixin
    RunbookOptions runbooks;

    @Parameters(paramLabel = "INCIDENT")
    String incidentId;

    @Option(
            names = "--format",
            required = true,
            paramLabel = "md|html|json|csv|png",
            description = "png: the timeline as a picture")
    String format;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Where to write (default: INCIDENT.FORMAT in the exports folder beside the log).")
    Path out;

    @Option(names = "--force", description = "Replace the file if it exists.")
    boolean force;

    @Option(
            names = "--team-log",
            paramLabel = "URL",
            description = {
                "Add who was on the incident across laptops (roles, joined and left, handovers) to the Markdown",
                "post-mortem, read from the team log at this PostgreSQL URL (jdbc:postgresql://HOST:5432/DATABASE?user=NAME);",
                "the password comes from PGPASSWORD or a pgpass file."
            })
    String teamLogUrl;

    public ExportCommand(DrPilotServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        Optional<ExportFormat> chosen = ExportFormat.postmortem(format);
        if (chosen.isEmpty()) {
            spec.commandLine().getErr().println("unknown format '" + format + "': use md, html, json, csv or png");
            return 2;
        }
        TeamRoster team;
        try {
            team = teamLogUrl == null ? TeamRoster.NONE : rosterInTheTeamLog();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        } catch (TeamLogException e) {
            spec.commandLine()
                    .getErr()
                    .println(e.getMessage().replaceAll("\\.$", "") + "; the post-mortem is not written: export it"
                            + " without --team-log, or again once the team log answers.");
            return 1;
        }
        try (IncidentLogStore store = log.openExisting()) {
            Optional<Incident> incident =
                    LogOptions.find(store, incidentId, spec.commandLine().getErr());
            if (incident.isEmpty()) return 1;
            IncidentExports exports = IncidentExports.logged(store).withTeam(team);
            Optional<Runbook> runbook = runbook(incident.get().runbookId());
            Exported exported = out == null
                    ? exports.toFolder(incidentId, runbook, chosen.get(), exports.folderBesideLog(), force)
                    : exports.toFile(incidentId, runbook, chosen.get(), out, force);
            return switch (exported) {
                case Exported.Written written -> {
                    spec.commandLine().getOut().println("wrote " + written.file());
                    yield 0;
                }
                case Exported.Refused refused -> {
                    spec.commandLine().getErr().println(refused.reason());
                    yield 1;
                }
            };
        }
    }

    /** Who was on the incident, from the responder events the team log holds of it. */
    private TeamRoster rosterInTheTeamLog() {
        try (TeamLogStore teamLog = services.teamLogs().open(teamLogUrl)) {
            return TeamRoster.of(
                    teamLog.events(incidentId).stream().map(TeamEvent::event).toList());
        }
    }

    /** The incident's runbook, for step titles and targets; the export works without it. */
    private Optional<Runbook> runbook(String id) {
        if (!Files.isDirectory(runbooks.folder)) return Optional.empty();
        RunbookLoader.Result result = new RunbookLoader(services.catalog()).load(List.of(runbooks.folder));
        return result.runbooks().stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
