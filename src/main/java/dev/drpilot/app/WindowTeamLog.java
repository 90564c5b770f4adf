package dev.drpilot.app;

import dev.drpilot.app.wiring.TeamLogConnection;
import dev.drpilot.engine.ApprovalDesk;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.teamlog.OutboxStatus;
import dev.drpilot.ui.TeamActivity;
import dev.drpilot.ui.TeamLogLink;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The window's link to a team log: the incidents it shows are sent there, their steps' approval
 * requests go there and their decisions come back from it, and the header hears the
 * outbox's sentence (first "team log at HOST:PORT/DATABASE as USER: connecting", while the team log
 * is asked whether it can be reached).
 */
public final class WindowTeamLog implements TeamLogLink {

    private final TeamLogConnection connection;

    public WindowTeamLog(TeamLogConnection connection) {
        this.connection = connection;
    }

    @Override
    public void watch(Consumer<String> sentence) {
        sentence.accept(connection + ": connecting");
        connection.onChange(status -> sentence.accept(words(status)));
        connection.reach();
    }

    @Override
    public void follow(IncidentRun run) {
        connection.follow(run);
    }

    @Override
    public AutoCloseable watchTeam(String incidentId, TeamActivity activity) {
        return connection.watch(incidentId, activity::responders, activity::othersEvent);
    }

    @Override
    public Optional<ApprovalDesk> approvals() {
        return Optional.of(connection);
    }

    /** Stops sending: what still waits stays in the local log and goes with the next push from it. */
    @Override
    public void close() {
        connection.close();
    }

    /** The outbox's sentence, and why when the team log refused this laptop's events. */
    private static String words(OutboxStatus status) {
        return status.online() || status.offline() ? status.sentence() : status.sentence() + ": " + status.problem();
    }

    /** A team log that cannot be used as configured: the header says why, and the window works on its own log. */
    static TeamLogLink unusable(String why) {
        return sentence -> sentence.accept("team log not used: " + why);
    }
}
