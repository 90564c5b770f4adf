package dev.drpilot.app.cli;

import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.app.wiring.TeamLogConnection;
import dev.drpilot.app.wiring.TeamLogs;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.teamlog.OutboxStatus;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The team log option of the commands that write an incident's events (docs/team-log.md). */
final class TeamLogOptions {

    private final TeamLogs teamLogs;

    @Option(
            names = "--team-log",
            paramLabel = "URL",
            description = {
                "Also send the incident's events to the team log at this PostgreSQL URL",
                "(jdbc:postgresql://HOST:5432/DATABASE?user=NAME); the password comes from PGPASSWORD or a pgpass file."
            })
    String url;

    @Option(
            names = "--team-log-wait",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description =
                    "How long to wait, as the command ends, for the team log to take what waits (default: ${DEFAULT-VALUE} s).")
    int waitSeconds;

    TeamLogOptions(DrPilotServices services) {
        this.teamLogs = services.teamLogs();
    }

    /**
     * The link to the team log --team-log names, or null without one.
     *
     * @throws IllegalArgumentException with one sentence, when the URL cannot be used
     * @throws java.io.UncheckedIOException with one sentence, when the laptop id beside the log cannot be read or made
     */
    TeamLogConnection connect(IncidentLogStore log) {
        return url == null || url.isBlank() ? null : teamLogs.connect(url, log);
    }

    /** Waits a short, bounded time for the team log to take what waits of the incident, and says how it stands. */
    void finish(TeamLogConnection team, String incidentId, PrintWriter out) throws InterruptedException {
        Duration wait = Duration.ofSeconds(Math.max(0, waitSeconds));
        OutboxStatus status = team.drain(wait);
        if (status != null && status.online()) {
            out.println("team log: up to date, it holds every event of " + incidentId);
        } else if (status != null && !status.offline()) {
            out.println(status.sentence() + ": " + status.problem());
        } else {
            out.println((status == null ? "team log not reached in " + wait.toSeconds() + " s" : status.sentence())
                    + ": this laptop's log keeps them, and they go to the team log with the next `drpilot resume "
                    + incidentId
                    + " --team-log URL` (or `drpilot note " + incidentId
                    + " ... --team-log URL`) once it can be reached");
        }
        out.flush();
    }
}
