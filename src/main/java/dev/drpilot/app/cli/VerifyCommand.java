package dev.drpilot.app.cli;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.app.wiring.TeamLogs;
import dev.drpilot.incident.HashChain;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.teamlog.TeamLogDatabase;
import dev.drpilot.teamlog.TeamLogException;
import dev.drpilot.teamlog.TeamLogStore;
import dev.drpilot.teamlog.TeamLogVerification;
import dev.drpilot.timeline.TimelineVerifier;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Checks an incident's hash chain: in the log, an exported timeline (--file) or the team log.",
            "With --file, an exported JSON timeline and its seal; with --team-log, every laptop's chain in the team log and its merged order.",
            "Exit status 0 when intact; 1 when an event was changed, removed, added or reordered, when a timeline's",
            "seal is missing or does not match, when the file is not a timeline, or when the team log cannot be reached;",
            "2 when there is no such incident."
        })
public final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LogOptions log;

    @Parameters(paramLabel = "INCIDENT", arity = "0..1")
    String incidentId;

    @Option(
            names = "--file",
            paramLabel = "JSON",
            description = "An exported JSON timeline to check instead of the log.")
    Path file;

    @Option(
            names = "--team-log",
            paramLabel = "URL",
            description = {
                "Check the incident in the team log at this PostgreSQL URL (jdbc:postgresql://HOST:5432/DATABASE?user=NAME)",
                "instead of this laptop's log; the password comes from PGPASSWORD or a pgpass file."
            })
    String teamLog;

    private final TeamLogs teamLogs;

    VerifyCommand(DrPilotServices services) {
        this.teamLogs = services.teamLogs();
    }

    @Override
    public Integer call() {
        if (file != null) {
            TimelineVerifier.Verdict verdict = TimelineVerifier.verify(file);
            (verdict.intact() ? spec.commandLine().getOut() : spec.commandLine().getErr()).println(verdict.sentence());
            return verdict.intact() ? 0 : 1;
        }
        if (incidentId == null) {
            spec.commandLine().getErr().println("name an INCIDENT, or an exported timeline with --file");
            return 2;
        }
        if (teamLog != null) return verifyTeamLog();
        HashChain.Verification result;
        String head;
        try (IncidentLogStore store = log.openToRead()) {
            List<IncidentEvent> events = store.events(incidentId);
            if (events.isEmpty()
                    && store.damage().flatMap(d -> d.lossOf(incidentId)).isEmpty()) {
                spec.commandLine()
                        .getErr()
                        .println("no incident '" + incidentId + "' in the log; `drpilot incidents` lists them");
                return 2;
            }
            result = store.verify(incidentId);
            head = events.isEmpty() ? "none" : events.getLast().hash();
        }
        if (result.intact()) {
            spec.commandLine()
                    .getOut()
                    .println(incidentId + ": intact, " + result.checked() + " events, head hash " + head);
            return 0;
        }
        spec.commandLine().getErr().println(incidentId + ": TAMPERED: " + result.reason());
        return 1;
    }

    /** Every laptop's chain of the incident in the team log, read in its merged order. */
    private int verifyTeamLog() {
        TeamLogDatabase database;
        try {
            database = teamLogs.database(teamLog);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
        try (TeamLogStore store = new TeamLogStore(database)) {
            TeamLogVerification verification = store.verify(incidentId);
            if (verification.writers().isEmpty()) {
                spec.commandLine().getErr().println("no events of " + incidentId + " in the " + database);
                return 2;
            }
            (verification.intact()
                            ? spec.commandLine().getOut()
                            : spec.commandLine().getErr())
                    .println(verification.sentence());
            return verification.intact() ? 0 : 1;
        } catch (TeamLogException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
    }
}
