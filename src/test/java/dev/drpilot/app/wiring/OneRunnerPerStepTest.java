package dev.drpilot.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionContext.OperatorInput;
import dev.drpilot.action.ActionRegistry;
import dev.drpilot.action.ActionResult;
import dev.drpilot.engine.EngineTestActions;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.RunDriver;
import dev.drpilot.engine.Sleeper;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import dev.drpilot.teamlog.LaptopId;
import dev.drpilot.teamlog.PostgresServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two laptops drive one incident with the team log's step leases (through {@link TeamLogs}, as
 * {@code run}, {@code resume} and the window connect): each step is run by one of them only, and
 * the other is told who runs it.
 */
class OneRunnerPerStepTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static final int STEPS = 6;

    @TempDir
    Path dir;

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final ExecutorService drivers = Executors.newFixedThreadPool(2);

    @AfterEach
    void closeEverything() throws Exception {
        drivers.shutdownNow();
        for (AutoCloseable closeable : open.reversed()) closeable.close();
    }

    private <T extends AutoCloseable> T opened(T closeable) {
        open.add(closeable);
        return closeable;
    }

    /** The call every step makes, counted by the name it greets (one per step), slow enough for the laptops to meet. */
    private final class CountedCall implements Action {
        public String id() {
            return "process.test.succeed";
        }

        public ActionResult execute(Map<String, Object> args, ActionContext context) throws InterruptedException {
            calls.computeIfAbsent((String) args.get("name"), n -> new AtomicInteger())
                    .incrementAndGet();
            context.apiCall("test", "Greet", null);
            Thread.sleep(400);
            return ActionResult.of("greeted " + args.get("name"), Map.of("greeting", "hello"));
        }
    }

    private static Runbook runbook() {
        StringBuilder yaml = new StringBuilder("""
                id: two-laptops
                title: Two laptops, one incident
                architecture: druid
                kind: recovery
                targets: { rto: PT30M, rpo: none }
                steps:
                """);
        for (int i = 1; i <= STEPS; i++) {
            yaml.append("  - { id: step-")
                    .append(i)
                    .append(", title: Step ")
                    .append(i)
                    .append(", phase: recovery, action: process.test.succeed, with: { name: step-")
                    .append(i)
                    .append(" } }\n");
        }
        RunbookLoader.Result result =
                new RunbookLoader(EngineTestActions.CATALOG).loadText(Path.of("two-laptops.yaml"), yaml.toString());
        assertThat(result.problems()).isEmpty();
        return result.runbooks().getFirst();
    }

    private IncidentEngine engine(IncidentLogStore log) {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        open.add(worker::shutdownNow);
        return new IncidentEngine(
                log,
                new ActionRegistry(EngineTestActions.CATALOG, List.of(new CountedCall())),
                worker,
                Clock.systemUTC(),
                Sleeper.real(),
                new Random(17));
    }

    private static NewIncident newIncident(Runbook runbook) {
        return new NewIncident(runbook.id(), runbook.title(), IncidentMode.LIVE, "SEV1", "alice", null);
    }

    /** The operator at each laptop: a step another laptop runs (or ran) is skipped here with what DR Pilot said. */
    private static RunDriver.Operator skippingWhatOthersRun(List<String> told) {
        return new RunDriver.Operator() {
            @Override
            public Optional<OperatorInput> tickOff(StepRun step) {
                return Optional.empty();
            }

            @Override
            public Optional<String> confirm(StepRun step, String expected) {
                return Optional.empty();
            }

            @Override
            public RunDriver.AfterFailure afterFailure(StepRun step) {
                told.add(step.message());
                return step.state() == StepState.CANCELLED && step.message().contains(" on laptop ")
                        ? new RunDriver.AfterFailure.Skip("run on another laptop")
                        : new RunDriver.AfterFailure.Stop();
            }
        };
    }

    private static long count(IncidentLogStore log, String incidentId, EventKind kind, String stepId) {
        return log.events(incidentId).stream()
                .filter(e -> e.kind() == kind && stepId.equals(e.stepId()))
                .count();
    }

    @Test
    void twoLaptopsOnOneIncidentNeverRunTheSameStepAndEachIsToldWhoRunsIt() throws Exception {
        Runbook runbook = runbook();
        Path alicePath = dir.resolve("alice");
        Incident incident;
        try (IncidentLogStore declaring = IncidentLogStore.open(alicePath, Clock.systemUTC(), "alice")) {
            incident = declaring.declare(newIncident(runbook), Map.of());
        }
        // bob's laptop holds the same incident: a copy of the log as it was declared, under a laptop id of its own
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("alice.")) Files.copy(file, dir.resolve("bob" + name.substring("alice".length())));
            }
        }
        IncidentLogStore aliceLog = opened(IncidentLogStore.open(alicePath, Clock.systemUTC(), "alice"));
        IncidentLogStore bobLog = opened(IncidentLogStore.open(dir.resolve("bob"), Clock.systemUTC(), "bob"));
        TeamLogs teamLogs = new TeamLogs(POSTGRES.environment(), dir, Duration.ofSeconds(5));
        String url = POSTGRES.url() + "?user=" + PostgresServer.USER;
        IncidentRun alice = engine(aliceLog).resume(incident, runbook, Map.of());
        IncidentRun bob = engine(bobLog).resume(incident, runbook, Map.of());
        opened(teamLogs.connect(url, aliceLog)).follow(alice);
        opened(teamLogs.connect(url, bobLog)).follow(bob);
        List<String> aliceWasTold = new CopyOnWriteArrayList<>();
        List<String> bobWasTold = new CopyOnWriteArrayList<>();

        Future<Boolean> aliceDrives =
                drivers.submit(() -> new RunDriver(alice, skippingWhatOthersRun(aliceWasTold)).driveToEnd(null));
        Future<Boolean> bobDrives =
                drivers.submit(() -> new RunDriver(bob, skippingWhatOthersRun(bobWasTold)).driveToEnd(null));

        assertThat(aliceDrives.get(120, TimeUnit.SECONDS)).isTrue();
        assertThat(bobDrives.get(120, TimeUnit.SECONDS)).isTrue();
        for (String step :
                IntStream.rangeClosed(1, STEPS).mapToObj(i -> "step-" + i).toList()) {
            assertThat(calls.get(step)).as(step + " called once").hasValue(1);
            assertThat(count(aliceLog, incident.id(), EventKind.STEP_STARTED, step)
                            + count(bobLog, incident.id(), EventKind.STEP_STARTED, step))
                    .as(step + " started on one laptop only")
                    .isEqualTo(1);
            assertThat(count(aliceLog, incident.id(), EventKind.STEP_HELD_ELSEWHERE, step)
                            + count(bobLog, incident.id(), EventKind.STEP_HELD_ELSEWHERE, step))
                    .as(step + " found held by the other laptop")
                    .isEqualTo(1);
        }
        String aliceLaptop = LaptopId.of(aliceLog.file());
        String bobLaptop = LaptopId.of(bobLog.file());
        assertThat(heldBy(aliceLog, incident.id())).allMatch(bobLaptop::equals);
        assertThat(heldBy(bobLog, incident.id())).allMatch(aliceLaptop::equals);
        String someone = System.getProperty("user.name", "operator");
        assertThat(aliceWasTold).allMatch(m -> told(m, someone, bobLaptop));
        assertThat(bobWasTold).allMatch(m -> told(m, someone, aliceLaptop));
        assertThat(aliceWasTold.size() + bobWasTold.size()).isEqualTo(STEPS);
    }

    private static List<String> heldBy(IncidentLogStore log, String incidentId) {
        return log.events(incidentId).stream()
                .map(IncidentEvent::data)
                .filter(EventData.StepHeldElsewhere.class::isInstance)
                .map(d -> ((EventData.StepHeldElsewhere) d).laptop())
                .toList();
    }

    private static boolean told(String message, String responder, String laptop) {
        String who = responder + " on laptop " + laptop.substring(0, 4);
        return message.matches("\\Q" + who + "\\E is running this step; it is yours if their laptop stops renewing"
                        + " by \\d\\d:\\d\\d:\\d\\d \\(retry then\\)")
                || message.matches("\\Q" + who + "\\E ran this step to success at \\d\\d:\\d\\d:\\d\\d:"
                        + " it is done, skip it here with a note");
    }

    @Test
    void aStepIsNotRunWhenTheTeamLogCannotSayWhoRunsItAndTheOperatorIsToldWhatToDo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Runbook runbook = runbook();
        IncidentLogStore log = opened(IncidentLogStore.open(dir.resolve("alone"), Clock.systemUTC(), "alice"));
        IncidentRun run = engine(log).declare(runbook, Map.of(), newIncident(runbook));
        opened(new TeamLogs(POSTGRES.environment(), dir)
                        .connect("jdbc:postgresql://127.0.0.1:" + closedPort + "/drpilot?user=alice", log))
                .follow(run);

        run.start("step-1").get(60, TimeUnit.SECONDS);

        StepRun step = run.step("step-1");
        assertThat(step.state()).isEqualTo(StepState.CANCELLED);
        assertThat(step.message())
                .startsWith("Not run, since the team log could not say whether another laptop runs this step: The team"
                        + " log at 127.0.0.1:" + closedPort + "/drpilot cannot be reached (")
                .endsWith("Retry once it answers; or, once your team agrees that no one else runs it, run it here"
                        + " anyway (the decision is logged) or skip it.")
                .doesNotContain("Exception", "\tat ");
        assertThat(calls).isEmpty();
        assertThat(count(log, run.incidentId(), EventKind.STEP_STARTED, "step-1"))
                .isZero();
        assertThat(count(log, run.incidentId(), EventKind.STEP_LEASE_UNKNOWN, "step-1"))
                .isOne();

        // the operator's choice: run it here anyway, the decision in the log before the step's start
        assertThat(run.team().leaseUnknown("step-1")).isTrue();
        run.team()
                .startWithoutLease("step-1", "bob and carol are on the bridge call, nobody else runs it")
                .get(60, TimeUnit.SECONDS);

        assertThat(run.step("step-1").state()).isEqualTo(StepState.SUCCEEDED);
        assertThat(calls.get("step-1")).hasValue(1);
        assertThat(log.events(run.incidentId()).stream()
                        .filter(e -> "step-1".equals(e.stepId()))
                        .map(IncidentEvent::kind))
                .containsSubsequence(EventKind.STEP_LEASE_UNKNOWN, EventKind.DECISION, EventKind.STEP_STARTED);
        assertThat(run.team().leaseUnknown("step-1")).isFalse();
    }
}
