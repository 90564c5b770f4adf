package dev.drpilot.bench;

import dev.drpilot.incident.DaemonThreads;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventDraft;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.EventStore;
import dev.drpilot.incident.HashChain;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.teamlog.Outbox;
import dev.drpilot.teamlog.OutboxStatus;
import dev.drpilot.teamlog.OutboxWorker;
import dev.drpilot.teamlog.PostgresServer;
import dev.drpilot.teamlog.TeamEvent;
import dev.drpilot.teamlog.TeamLogDatabase;
import dev.drpilot.teamlog.TeamLogEventStore;
import dev.drpilot.teamlog.TeamLogListener;
import dev.drpilot.teamlog.TeamLogStore;
import dev.drpilot.teamlog.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: prints how fast the team log carries an event from one laptop to another, on a real
 * PostgreSQL 15 on loopback (the tests' {@link PostgresServer}: TLS on, fsync off). Three writers
 * append to one incident: laptop A as the app does (its local H2 log first, then its outbox on its
 * own thread, nudged after each append), laptops B and C straight into the team log as load. B's
 * {@link TeamLogListener} hears A's events: the figure is the time from A's append being called to
 * B's listener handing the event over (median and p99). Then the outage: the server stops, A writes
 * 10,000 events to its local log, the server starts again, and the outbox catches up; the figures
 * are the push of the backlog and the time until B's listener has all of it.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests test-compile exec:exec -Dexec.classpathScope=test
 * -Dbench=dev.drpilot.bench.TeamLogBenchmark} (A's appends: {@code BENCH_APPENDS}, default 500, one
 * every 20 ms; the backlog: {@code BENCH_BACKLOG}, default 10,000).
 */
public final class TeamLogBenchmark {

    private static final Duration PACE = Duration.ofMillis(20);

    public static void main(String[] args) throws Exception {
        int appends = Integer.parseInt(System.getenv().getOrDefault("BENCH_APPENDS", "500"));
        int backlog = Integer.parseInt(System.getenv().getOrDefault("BENCH_BACKLOG", "10000"));
        System.out.println("load average before: " + IncidentLogBenchmark.loadAverage());
        PostgresServer server = new PostgresServer();
        server.beforeAll(null);
        Path dir = Files.createTempDirectory("drpilot-bench-team");
        ExecutorService threads = Executors.newCachedThreadPool(new DaemonThreads("bench"));
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("a"), Clock.systemUTC(), "alice")) {
            Incident incident = log.declare(
                    new NewIncident("druid-rds-corruption", "benchmark", IncidentMode.REHEARSAL, null, null, null),
                    Map.of());
            String id = incident.id();
            TeamLogDatabase database = server.database();
            try (TeamLogStore teamA = new TeamLogStore(database);
                    OutboxWorker outbox = new OutboxWorker(
                            new Outbox(log, teamA, new Writer("alice", "laptop-a")),
                            new DaemonThreads("bench-outbox"));
                    EventStore b = new TeamLogEventStore(new TeamLogStore(database), new Writer("bob", "laptop-b"));
                    EventStore c = new TeamLogEventStore(new TeamLogStore(database), new Writer("carol", "laptop-c"))) {
                outbox.nudge(id);
                outbox.drain(Duration.ofSeconds(30));
                Map<Long, Long> arrived = new ConcurrentHashMap<>();
                AtomicLong seenOfA = new AtomicLong();
                try (TeamLogListener listener = TeamLogListener.start(
                        database,
                        id,
                        "laptop-b",
                        0,
                        (TeamEvent e) -> {
                            if (e.writer().laptop().equals("laptop-a")) {
                                arrived.put(e.event().sequence(), System.nanoTime());
                                seenOfA.incrementAndGet();
                            }
                        },
                        threads)) {
                    AtomicBoolean loading = new AtomicBoolean(true);
                    List<Future<?>> load = List.of(
                            threads.submit(() -> appendUntilStopped(b, id, "bob", loading)),
                            threads.submit(() -> appendUntilStopped(c, id, "carol", loading)));
                    waitFor(() -> seenOfA.get() == 1, Duration.ofSeconds(30));

                    long[] called = new long[appends];
                    long[] sequences = new long[appends];
                    for (int i = 0; i < appends; i++) {
                        called[i] = System.nanoTime();
                        sequences[i] = log.append(id, new EventData.Note("from A " + i), null)
                                .sequence();
                        outbox.nudge(id);
                        Thread.sleep(PACE);
                    }
                    waitFor(() -> seenOfA.get() == 1 + appends, Duration.ofSeconds(60));
                    loading.set(false);
                    for (Future<?> writer : load) writer.get();
                    long[] latencies = new long[appends];
                    for (int i = 0; i < appends; i++) latencies[i] = arrived.get(sequences[i]) - called[i];
                    Arrays.sort(latencies);
                    System.out.printf(
                            "append on A to B's listener, %d events one every %d ms, B and C appending too:"
                                    + " p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                            appends,
                            PACE.toMillis(),
                            latencies[appends / 2] / 1e6,
                            latencies[(int) Math.ceil(appends * 0.99) - 1] / 1e6,
                            latencies[appends - 1] / 1e6);

                    server.stop();
                    List<EventDraft> page = new ArrayList<>();
                    for (int i = 0; i < backlog; i++) {
                        page.add(EventDraft.of(new EventData.Note("written during the outage " + i), null));
                        if (page.size() == 1_000 || i == backlog - 1) {
                            log.appendAll(id, page);
                            page.clear();
                        }
                    }
                    OutboxStatus offline = outbox.drain(Duration.ofSeconds(30));
                    System.out.println("during the outage: " + (offline == null ? "no answer" : offline.sentence()));
                    long everything = seenOfA.get() + backlog;
                    server.start();
                    long up = System.nanoTime();
                    OutboxStatus caughtUp = outbox.drain(Duration.ofMinutes(5));
                    long pushed = System.nanoTime();
                    waitFor(() -> seenOfA.get() == everything, Duration.ofMinutes(5));
                    long heard = System.nanoTime();
                    System.out.printf(
                            "catch-up of %,d waiting events after the outage: pushed in %.2f s (%s),"
                                    + " all at B's listener %.2f s after the server was up%n",
                            backlog,
                            (pushed - up) / 1e9,
                            caughtUp == null ? "no answer" : caughtUp.sentence(),
                            (heard - up) / 1e9);
                }
            }
        } finally {
            threads.shutdownNow();
            server.afterAll(null);
            System.out.println("load average after: " + IncidentLogBenchmark.loadAverage());
        }
    }

    /** A writer's own chain of notes on the incident, one every {@link #PACE}, until told to stop. */
    private static void appendUntilStopped(EventStore store, String incidentId, String who, AtomicBoolean going) {
        EventStore.Tail tail = store.tail(incidentId);
        while (going.get()) {
            IncidentEvent event = note(incidentId, tail, who);
            store.append(List.of(event));
            tail = new EventStore.Tail(event.sequence(), event.hash());
            try {
                Thread.sleep(PACE);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static IncidentEvent note(String incidentId, EventStore.Tail tail, String who) {
        IncidentEvent unhashed = new IncidentEvent(
                incidentId,
                tail.sequence() + 1,
                Instant.now(),
                EventKind.NOTE,
                who,
                null,
                "{\"text\":\"" + who + " " + (tail.sequence() + 1) + "\"}",
                null,
                null,
                tail.hash(),
                null);
        return new IncidentEvent(
                incidentId,
                unhashed.sequence(),
                unhashed.time(),
                EventKind.NOTE,
                who,
                null,
                unhashed.payload(),
                null,
                null,
                tail.hash(),
                HashChain.hashOf(unhashed));
    }

    private interface Condition {
        boolean holds();
    }

    private static void waitFor(Condition condition, Duration bound) throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > end) throw new IllegalStateException("not reached within " + bound);
            Thread.sleep(1);
        }
    }

    private TeamLogBenchmark() {}
}
