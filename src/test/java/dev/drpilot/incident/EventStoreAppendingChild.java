package dev.drpilot.incident;

import java.nio.file.Path;
import java.util.List;

/**
 * The process {@link H2EventStoreContractTest} kills: it appends notes of the incident given as
 * its second argument to the H2 store at its first, one at a time, printing "ACK n" when the
 * append of event n has returned, until it is killed.
 */
public final class EventStoreAppendingChild {

    public static void main(String[] args) {
        H2EventStore store = H2EventStore.open(Path.of(args[0]));
        String incidentId = args[1];
        while (true) {
            IncidentEvent event = ChainedNotes.after(store.tail(incidentId), incidentId, 1, "child")
                    .getFirst();
            store.append(List.of(event));
            System.out.println("ACK " + event.sequence());
        }
    }

    private EventStoreAppendingChild() {}
}
