package dev.drpilot.teamlog;

import dev.drpilot.incident.ChainedNotes;
import dev.drpilot.incident.IncidentEvent;
import java.nio.file.Path;
import java.util.List;

/**
 * The process {@link PostgresEventStoreContractTest} kills: it appends notes of an incident to the
 * team log at a URL (the password in PGPASSWORD) as one laptop, one at a time, printing "ACK n" when
 * the append of event n has returned, until it is killed. Arguments: URL, laptop id, incident.
 */
public final class TeamLogAppendingChild {

    public static void main(String[] args) {
        TeamLogDatabase database = TeamLogDatabase.of(
                args[0], PostgresServer.USER, System.getenv(), Path.of(System.getProperty("user.home")));
        TeamLogEventStore store = new TeamLogEventStore(new TeamLogStore(database), new Writer("child", args[1]));
        String incidentId = args[2];
        while (true) {
            IncidentEvent event = ChainedNotes.after(store.tail(incidentId), incidentId, 1, "child")
                    .getFirst();
            store.append(List.of(event));
            System.out.println("ACK " + event.sequence());
        }
    }

    private TeamLogAppendingChild() {}
}
