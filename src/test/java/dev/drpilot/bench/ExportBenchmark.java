package dev.drpilot.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.drpilot.export.ExportFormat;
import dev.drpilot.export.Exported;
import dev.drpilot.export.IncidentExports;
import dev.drpilot.incident.BulkNotes;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Not a test: prints how long exporting an incident of 10,000, 100,000 and 1,000,000 events takes
 * in each format through {@link IncidentExports} (what the window and {@code drpilot export} use),
 * and how much heap it needs, to show that the exports stream: the heap stays flat as the events
 * grow. Each export runs in a fresh JVM of its own (more options for it in {@code BENCH_JAVA_OPTS}, a profiler for one)
 * with a small heap ({@code BENCH_HEAP}, default
 * 256m), twice: the first run is what a command pays (nothing warmed), the second a window's later
 * export. Figures per run: time; the process's CPU time (user + sys of every thread, which moves less with the
 * machine's load than the time does); peak heap in use (the sum of the heap pools' peaks, garbage not
 * yet collected included); and the most the heap held just after a collection (what the export
 * kept alive).
 *
 * <p>Run: {@code ./mvnw -q -DskipTests test-compile exec:exec -Dexec.classpathScope=test -Dbench=dev.drpilot.bench.ExportBenchmark}
 * (sizes: {@code BENCH_EVENTS=10000,100000,1000000}).
 */
public final class ExportBenchmark {

    private static final List<ExportFormat> FORMATS =
            List.of(ExportFormat.MARKDOWN, ExportFormat.HTML, ExportFormat.JSON, ExportFormat.CSV, ExportFormat.PNG);

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("export")) {
            exportOnce(
                    Path.of(args[1]), args[2], ExportFormat.postmortem(args[3]).orElseThrow());
            return;
        }
        String heap = System.getenv().getOrDefault("BENCH_HEAP", "256m");
        System.out.printf("load average %.2f, heap of each export's JVM -Xmx%s%n", load(), heap);
        System.out.println("events     format  first run  second run  CPU first  CPU second  peak heap in use"
                + "  most kept after a GC  file");
        for (String size : System.getenv()
                .getOrDefault("BENCH_EVENTS", "10000,100000,1000000")
                .split(",")) {
            int events = Integer.parseInt(size.trim());
            Path dir = Files.createTempDirectory("drpilot-export-bench");
            Path log = dir.resolve("log");
            String id;
            try (IncidentLogStore store = IncidentLogStore.open(log, Clock.systemUTC(), "bench")) {
                id = store.declare(
                                new NewIncident("druid-rds-corruption", "export", IncidentMode.LIVE, null, null, null),
                                Map.of())
                        .id();
            }
            BulkNotes.fill(log, id, events);
            for (ExportFormat format : FORMATS) {
                System.out.printf("%,-10d %-7s %s%n", events, format.label(), child(heap, log, id, format));
            }
        }
        System.out.printf("load average %.2f%n", load());
    }

    /** Runs one format's exports in a JVM of its own and returns the line it printed, or how it failed. */
    private static String child(String heap, Path log, String id, ExportFormat format) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx" + heap,
                "-Djava.awt.headless=true"));
        String options = System.getenv().getOrDefault("BENCH_JAVA_OPTS", "").strip();
        if (!options.isEmpty()) command.addAll(List.of(options.split("\\s+")));
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                ExportBenchmark.class.getName(),
                "export",
                log.toString(),
                id,
                format.label()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            out.lines().forEach(lines::add);
        }
        int status = process.waitFor();
        String result = lines.stream()
                .filter(l -> l.startsWith("RESULT "))
                .findFirst()
                .map(l -> l.substring(7))
                .orElse(null);
        return status == 0 && result != null
                ? result
                : "failed (exit " + status + "): "
                        + String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    /** In the child: two exports of the incident, timed, with the heap watched. */
    private static void exportOnce(Path log, String id, ExportFormat format) throws Exception {
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        AtomicLong keptAfterGc = watchCollections(
                heapPools.stream().map(MemoryPoolMXBean::getName).toList());
        try (IncidentLogStore store = IncidentLogStore.open(log, Clock.systemUTC(), "bench")) {
            IncidentExports exports = IncidentExports.logged(store);
            Path folder = log.resolveSibling("exports");
            System.gc();
            keptAfterGc.set(0);
            heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
            double[] seconds = new double[2];
            double[] cpuSeconds = new double[2];
            Path file = null;
            for (int run = 0; run < 2; run++) {
                long start = System.nanoTime();
                long cpuStart = processCpuNanos();
                Exported exported = exports.toFolder(id, Optional.empty(), format, folder, true);
                seconds[run] = (System.nanoTime() - start) / 1e9;
                cpuSeconds[run] = (processCpuNanos() - cpuStart) / 1e9;
                if (!(exported instanceof Exported.Written written))
                    throw new IllegalStateException(exported.toString());
                file = written.file();
            }
            long peak = heapPools.stream()
                    .map(MemoryPoolMXBean::getPeakUsage)
                    .mapToLong(MemoryUsage::getUsed)
                    .sum();
            System.out.printf(
                    "RESULT %7.2f s  %8.2f s  %7.2f s  %8.2f s  %13d MB  %17d MB      %,d KB%n",
                    seconds[0],
                    seconds[1],
                    cpuSeconds[0],
                    cpuSeconds[1],
                    peak >> 20,
                    keptAfterGc.get() >> 20,
                    Files.size(file) >> 10);
        }
    }

    /** The most heap (the pools named) in use just after any collection from now on. */
    private static AtomicLong watchCollections(List<String> heapPools) {
        AtomicLong most = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc)
                    .addNotificationListener(
                            (notification, handback) -> {
                                if (!notification
                                        .getType()
                                        .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION))
                                    return;
                                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                                        (CompositeData) notification.getUserData());
                                long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                        .filter(e -> heapPools.contains(e.getKey()))
                                        .mapToLong(e -> e.getValue().getUsed())
                                        .sum();
                                most.accumulateAndGet(used, Math::max);
                            },
                            null,
                            null);
        }
        return most;
    }

    /** CPU time of the whole process (every thread: the export's, the log's, the collector's, the compiler's). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private ExportBenchmark() {}
}
