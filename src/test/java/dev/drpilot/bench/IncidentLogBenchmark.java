package dev.drpilot.bench;

import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.timeline.Postmortem;
import dev.drpilot.timeline.PostmortemWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Not a test: prints how fast the incident log appends (each event its own committed
 * transaction) and how long exporting 100,000 events takes in each format.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests test-compile exec:exec -Dexec.classpathScope=test -Dbench=dev.drpilot.bench.IncidentLogBenchmark}
 */
public final class IncidentLogBenchmark {

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("drpilot-bench");
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "bench")) {
            Incident incident = log.declare(new NewIncident("druid-rds-corruption", "benchmark", IncidentMode.REHEARSAL, null, null, null), Map.of());
            long start = System.nanoTime();
            for (int i = 1; i < events; i++) {
                log.append(incident.id(), i % 3 == 0 ? EventKind.API_CALL : EventKind.NOTE, i % 3 == 0 ? "restore" : null,
                        Map.of("text", "event " + i, "service", "rds", "operation", "DescribeDBInstances"));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("appended %,d events in %.1f s: %,.0f events/s (each committed before the next)%n",
                    events - 1, seconds, (events - 1) / seconds);
            for (String format : List.of("md", "html", "json", "csv")) {
                long t0 = System.nanoTime();
                Postmortem pm = Postmortem.of(log.incident(incident.id()).orElseThrow(), Optional.empty(), log.events(incident.id()));
                Path out = dir.resolve("export." + format);
                try (Writer w = Files.newBufferedWriter(out)) {
                    PostmortemWriter.forFormat(format).write(pm, w);
                }
                System.out.printf("export of %,d events as %s: %.2f s, %,d KB%n", pm.events().size(), format,
                        (System.nanoTime() - t0) / 1e9, Files.size(out) / 1024);
            }
        }
    }

    private IncidentLogBenchmark() {
    }
}
