package dev.drpilot.incident;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The process the durability and damage tests run: it declares an incident in the log given as
 * its first argument and adds notes until it has the second argument's number of events,
 * printing "ACK n" the moment each append returns, then "DONE". With "crash" as the third
 * argument it then stops dead (no close, as a kill or a power cut leaves the file); otherwise
 * it closes the log.
 */
public final class AppendingChild {

    public static void main(String[] args) {
        IncidentLogStore log = IncidentLogStore.open(Path.of(args[0]), Clock.systemUTC(), "child");
        int events = Integer.parseInt(args[1]);
        Incident incident = log.declare(
                new NewIncident(
                        "druid-rds-corruption",
                        "appended by a child process",
                        IncidentMode.LIVE,
                        "SEV2",
                        "child",
                        null),
                Map.of());
        System.out.println("INCIDENT " + incident.id());
        System.out.println("ACK 1");
        for (int i = 2; i <= events; i++) {
            log.append(incident.id(), new EventData.Note("note " + i), null);
            System.out.println("ACK " + i);
        }
        System.out.println("DONE");
        if (args.length > 2 && args[2].equals("crash")) Runtime.getRuntime().halt(0);
        log.close();
    }

    private AppendingChild() {}
}
