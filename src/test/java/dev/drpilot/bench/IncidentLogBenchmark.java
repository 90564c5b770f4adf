package dev.drpilot.bench;

import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventDraft;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.LogHead;
import dev.drpilot.incident.NewIncident;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Not a test: prints how fast the incident log appends (each event committed, synced to disk and
 * recorded in the head file before the next; single-append p50/p99), how fast it appends the
 * events a step produces together (pages of 1,000 in one transaction), and what each part of that
 * costs, measured alone on a log of its own (H2's commit as the log did it before it synced, the
 * sync, the head file). The exports have their own benchmark, {@link ExportBenchmark}.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests test-compile exec:exec -Dexec.classpathScope=test -Dbench=dev.drpilot.bench.IncidentLogBenchmark}
 * (appends: {@code BENCH_APPENDS}, default 5,000; pages of 1,000: {@code BENCH_BATCHES}, default 100).
 */
public final class IncidentLogBenchmark {

    private static final int EXPORTED = 100_000;
    private static final int BATCH = 1_000;

    public static void main(String[] args) throws Exception {
        int appends = Integer.parseInt(System.getenv().getOrDefault("BENCH_APPENDS", "5000"));
        int batches = Integer.parseInt(System.getenv().getOrDefault("BENCH_BATCHES", "100"));
        Path dir = Files.createTempDirectory("drpilot-bench");
        System.out.println("load average before: " + loadAverage());
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "bench")) {
            Incident incident = log.declare(
                    new NewIncident("druid-rds-corruption", "benchmark", IncidentMode.REHEARSAL, null, null, null),
                    Map.of());
            long[] nanos = new long[appends];
            long start = System.nanoTime();
            for (int i = 1; i <= appends; i++) {
                long t0 = System.nanoTime();
                log.append(
                        incident.id(),
                        i % 3 == 0
                                ? new EventData.ApiCall("rds", "DescribeDBInstances", null)
                                : new EventData.Note("event " + i),
                        i % 3 == 0 ? "restore" : null);
                nanos[i - 1] = System.nanoTime() - t0;
            }
            report("appends through the store (commit, sync, head file)", appends, start);
            Arrays.sort(nanos);
            System.out.printf(
                    "single append latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    nanos[appends / 2] / 1e6, nanos[(int) (appends * 0.99)] / 1e6, nanos[appends - 1] / 1e6);
            batches(log, incident.id(), batches);
        }
        parts(dir.resolve("parts"), appends);
        System.out.println("load average after: " + loadAverage());
    }

    /** Pages of 1,000 events a step produces together (S3 keys, restored items), each page one transaction, one sync, one head-file update. */
    private static void batches(IncidentLogStore log, String incidentId, int batches) {
        List<EventDraft> page = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++)
            page.add(EventDraft.of(
                    new EventData.StatusChange("s3://druid-deep-storage/segments/" + i, "restored"), "restore"));
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) log.appendAll(incidentId, page);
        report(
                "events appended in pages of " + BATCH + " (one transaction, sync and head-file update a page)",
                batches * BATCH,
                start);
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        System.out.printf(
                "  CPU the process spent on them (all its threads, less sensitive to other load): %.1f s, %,.0f events"
                        + " per CPU-second%n",
                cpuSeconds, batches * BATCH / cpuSeconds);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    /** Each part of a durable append alone: H2's commit, the commit with its sync, the head file's update. */
    private static void parts(Path log, int count) throws Exception {
        Files.createDirectories(log.getParent());
        try (Connection connection =
                DriverManager.getConnection("jdbc:h2:file:" + log.toAbsolutePath() + ";WRITE_DELAY=0", "sa", "")) {
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE TABLE events (id BIGINT PRIMARY KEY, payload VARCHAR)");
            }
            for (boolean sync : List.of(false, true)) {
                long start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO events VALUES (?, ?)")) {
                        insert.setLong(1, (sync ? count : 0) + i);
                        insert.setString(
                                2,
                                "{\"text\":\"event " + i
                                        + "\",\"service\":\"rds\",\"operation\":\"DescribeDBInstances\"}");
                        insert.executeUpdate();
                    }
                    if (sync) {
                        try (Statement checkpoint = connection.createStatement()) {
                            checkpoint.execute("CHECKPOINT SYNC");
                        }
                    }
                }
                report(
                        sync
                                ? "H2 commits, each followed by CHECKPOINT SYNC"
                                : "H2 commits alone (WRITE_DELAY=0, no sync: the log before)",
                        count,
                        start);
            }
        }
        LogHead head = new LogHead(log);
        long start = System.nanoTime();
        for (int i = 1; i <= count; i++)
            head.record("INC-20261124-0300-beef", i, HexFormat.of().formatHex(new byte[32]));
        report("head file updates alone (temporary file, fsync, rename, folder fsync)", count, start);
    }

    private static void report(String what, int count, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("%s: %,d in %.1f s, %,.0f / s%n", what, count, seconds, count / seconds);
    }

    private IncidentLogBenchmark() {}
}
