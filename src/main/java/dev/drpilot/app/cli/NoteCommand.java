package dev.drpilot.app.cli;

import dev.drpilot.app.wiring.TeamLogConnection;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventDraft;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "note",
        mixinStandardHelpOptions = true,
        description = "Adds a note (or a decision) to an incident's log; works while the app has the log open.")
public final class NoteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LogOptions log;

    @Mixin
    TeamLogOptions teamLog;

    @Parameters(index = "0", paramLabel = "INCIDENT")
    String incidentId;

    @Parameters(index = "1..*", paramLabel = "TEXT", arity = "1..*")
    List<String> words;

    @Option(
            names = "--at",
            paramLabel = "INSTANT",
            description = "When it happened, if earlier (UTC, 2026-11-24T02:40:00Z): marked as added later.")
    Instant occurredAt;

    @Option(names = "--decision", description = "Record it as a decision rather than a note.")
    boolean decision;

    @Option(
            names = "--corrects",
            paramLabel = "SEQUENCE",
            description = "Record it as a correction of an earlier event (events are never edited).")
    Long corrects;

    @Override
    public Integer call() throws InterruptedException {
        try (IncidentLogStore store = log.openExisting()) {
            if (LogOptions.find(store, incidentId, spec.commandLine().getErr()).isEmpty()) return 1;
            TeamLogConnection team;
            try {
                team = teamLog.connect(store);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                spec.commandLine().getErr().println(e.getMessage());
                spec.commandLine().getErr().println("not logged");
                return 2;
            }
            try (team) {
                return note(store, team);
            }
        }
    }

    /** @param team the team log the incident's events go to as well, or null */
    private int note(IncidentLogStore store, TeamLogConnection team) throws InterruptedException {
        String text = String.join(" ", words);
        EventData said = corrects != null
                ? new EventData.Correction(text)
                : decision ? new EventData.Decision(text) : new EventData.Note(text);
        IncidentEvent event;
        try {
            event = store.append(incidentId, new EventDraft(said, null, corrects, occurredAt));
        } catch (IllegalArgumentException refused) {
            spec.commandLine().getErr().println("not logged: " + refused.getMessage());
            return 1;
        }
        spec.commandLine().getOut().println("logged as event " + event.sequence() + " of " + incidentId);
        if (team != null) {
            team.send(incidentId);
            teamLog.finish(team, incidentId, spec.commandLine().getOut());
        }
        return 0;
    }
}
