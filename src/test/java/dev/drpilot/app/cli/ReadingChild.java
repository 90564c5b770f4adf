package dev.drpilot.app.cli;

import dev.drpilot.incident.IncidentLogStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/** A process that holds a log open to read it (as `drpilot verify` does for a moment) until it reads a line. */
public final class ReadingChild {

    private ReadingChild() {}

    public static void main(String[] args) throws Exception {
        try (IncidentLogStore store = IncidentLogStore.openToRead(Path.of(args[0]), Clock.systemUTC(), "reader")) {
            System.out.println("READING " + store.incidents().size());
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        System.out.println("CLOSED");
    }
}
