package dev.drpilot.app.cli;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.app.wiring.TeamLogs;
import dev.drpilot.teamlog.Responders;
import dev.drpilot.teamlog.TeamLogDatabase;
import dev.drpilot.teamlog.TeamLogException;
import dev.drpilot.teamlog.TeamLogStore;
import dev.drpilot.teamlog.Writer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The incident commander hands command to another responder on the incident, in the team log: the
 * other becomes the commander, this responder an operator, and every laptop following the incident
 * sees it (`COMMAND_HANDED_OVER`).
 */
@Command(
        name = "handover",
        mixinStandardHelpOptions = true,
        description = {
            "Hands command of an incident to another responder on it, through the team log.",
            "They become the incident commander and you an operator; everyone following the incident sees it. Only the commander",
            "hands over (the commander of this laptop: the laptop id beside --log). Exit status 0 when handed",
            "over; 1 when it cannot be (not the commander, NAME not on the incident, the team log unreachable);",
            "2 for a wrong URL."
        })
public final class HandoverCommand implements Callable<Integer> {

    private final TeamLogs teamLogs;

    @Spec
    CommandSpec spec;

    @Mixin
    LogOptions log;

    @Parameters(index = "0", paramLabel = "INCIDENT", description = "The incident's id.")
    String incidentId;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "NAME",
            description = "The responder who takes command, as the responders' list names them.")
    String to;

    @Option(
            names = "--team-log",
            required = true,
            paramLabel = "URL",
            description = {
                "The team log at this PostgreSQL URL (jdbc:postgresql://HOST:5432/DATABASE?user=NAME);",
                "the password comes from PGPASSWORD or a pgpass file."
            })
    String url;

    public HandoverCommand(DrPilotServices services) {
        this.teamLogs = services.teamLogs();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TeamLogDatabase database;
        Writer me;
        try {
            database = teamLogs.database(url);
            Files.createDirectories(log.path().toAbsolutePath().getParent());
            me = teamLogs.writer(log.path());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("The folder of the local log " + log.path() + " cannot be made: " + e.getMessage());
            return 2;
        }
        try (TeamLogStore store = new TeamLogStore(database)) {
            new Responders(store).handOver(incidentId, me, to);
            out.println(me.responder() + " handed command of " + incidentId + " to " + to + ": " + to
                    + " is the incident commander now, " + me.responder() + " an operator.");
            return 0;
        } catch (IllegalArgumentException | TeamLogException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
