package dev.drpilot.ui;

import dev.drpilot.teamlog.Responder;
import dev.drpilot.teamlog.TeamEvent;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An incident's team as its screen shows it (docs/team-log.md): the responders (name, role, when
 * last seen, present or gone after missed heartbeats, or left), and the other laptops' events,
 * handed to the incident's log. Nothing without a team log.
 */
final class TeamViewModel implements AutoCloseable {

    private final ObservableList<String> responders = FXCollections.observableArrayList();
    private final AutoCloseable watch;

    TeamViewModel(TeamLogLink link, IncidentViewModel incident, TaskRunner tasks) {
        watch = link.watchTeam(incident.incidentId(), new TeamActivity() {
            @Override
            public void responders(List<Responder> now) {
                List<String> lines = now.stream().map(TeamViewModel::line).toList();
                tasks.onScreen(() -> {
                    if (!responders.equals(lines)) responders.setAll(lines);
                });
            }

            @Override
            public void othersEvent(TeamEvent event) {
                tasks.onScreen(() -> incident.othersEvent(event));
            }
        });
    }

    /** One line a responder: "bob  operator  last seen 02:41:07  present"; empty without a team log. */
    ObservableList<String> responders() {
        return responders;
    }

    static String line(Responder responder) {
        return responder.name() + "  " + responder.role().word() + "  last seen "
                + IncidentViewModel.TIME.format(responder.lastSeenAt()) + "  " + responder.presence();
    }

    /** Stops watching (the screen leaves the incident). */
    @Override
    public void close() {
        try {
            watch.close();
        } catch (Exception e) {
            throw new IllegalStateException("the team log's watch of the incident did not close", e);
        }
    }
}
