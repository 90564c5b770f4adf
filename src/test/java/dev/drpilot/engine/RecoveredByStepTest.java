package dev.drpilot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionRegistry;
import dev.drpilot.action.ActionResult;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.IncidentState;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import dev.drpilot.timeline.Postmortem;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runbook that marks the step whose success means the service is back ({@code recovers: true})
 * stops the RTO clock when that step succeeds: not when the recovery steps are done, not when the
 * check fails, not when it is skipped.
 */
class RecoveredByStepTest {

    private static final String RUNBOOK = """
            id: measured
            title: A recovery measured by its check
            architecture: druid
            kind: recovery
            targets: { rto: PT30M, rpo: none }
            steps:
              - id: fix
                title: Fix it
                phase: recovery
                action: process.test.succeed
                with: { name: a }
              - id: check
                title: Check the service answers
                phase: validation
                action: process.test.fail
                recovers: true
              - id: tidy
                title: Tidy up
                phase: validation
                action: process.test.succeed
                with: { name: b }
            """;

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-24T03:00:00Z"));
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final ServiceCheck check = new ServiceCheck();
    private IncidentLogStore log;
    private IncidentEngine engine;
    private Runbook runbook;

    /** The marked step's check: the service answers once the test says it is back. */
    private static final class ServiceCheck implements Action {
        final AtomicBoolean back = new AtomicBoolean();

        @Override
        public String id() {
            return "process.test.fail";
        }

        @Override
        public ActionResult execute(Map<String, Object> args, ActionContext context) throws ActionException {
            if (!back.get()) throw ActionException.permanent("Expected HTTP 200 from the service, found 503");
            return ActionResult.of("the service answers HTTP 200", Map.of());
        }
    }

    @BeforeEach
    void setUp() {
        log = IncidentLogStore.open(dir.resolve("log"), clock, "alice");
        engine = new IncidentEngine(
                log,
                new ActionRegistry(EngineTestActions.CATALOG, List.of(new EngineTestActions.Succeed(), check)),
                executor,
                clock,
                clock.sleeper(),
                new Random(7));
        RunbookLoader.Result loaded =
                new RunbookLoader(EngineTestActions.CATALOG).loadText(Path.of("measured.yaml"), RUNBOOK);
        assertThat(loaded.problems()).isEmpty();
        runbook = loaded.runbooks().get(0);
    }

    @AfterEach
    void tearDown() throws Exception {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        log.close();
    }

    private IncidentRun declare() throws Exception {
        return engine.declare(
                runbook, Map.of(), new NewIncident(runbook.id(), runbook.title(), IncidentMode.LIVE, null, null, null));
    }

    private List<EventKind> kinds(IncidentRun run) {
        return log.events(run.incidentId()).stream().map(IncidentEvent::kind).toList();
    }

    @Test
    void theRtoClockStopsWhenTheMarkedCheckSucceedsNotBeforeAndNotOnItsFailure() throws Exception {
        IncidentRun run = declare();
        clock.advance(Duration.ofMinutes(10));
        run.start("fix").get(10, TimeUnit.SECONDS);
        assertThat(run.state())
                .as("every recovery step is done, but the check has not run")
                .isEqualTo(IncidentState.OPEN);

        clock.advance(Duration.ofMinutes(5));
        run.start("check").get(10, TimeUnit.SECONDS);
        assertThat(run.step("check").state()).isEqualTo(StepState.FAILED);
        assertThat(run.state()).as("a failed check proves nothing").isEqualTo(IncidentState.OPEN);
        assertThat(kinds(run)).doesNotContain(EventKind.INCIDENT_RECOVERED);

        clock.advance(Duration.ofMinutes(6));
        check.back.set(true);
        run.start("check").get(10, TimeUnit.SECONDS);

        assertThat(run.state()).isEqualTo(IncidentState.RECOVERED);
        assertThat(run.clocks().recoveredIn()).isEqualTo(Duration.ofMinutes(21));
        List<IncidentEvent> events = log.events(run.incidentId());
        IncidentEvent recovered = events.getLast();
        assertThat(recovered.kind()).isEqualTo(EventKind.INCIDENT_RECOVERED);
        assertThat(events.get(events.size() - 2)).satisfies(e -> {
            assertThat(e.kind()).as("recovered right after the check's success").isEqualTo(EventKind.STEP_SUCCEEDED);
            assertThat(e.stepId()).isEqualTo("check");
        });
        assertThat(recovered.payload()).contains("\"by\":\"step check\"").contains("the service answers HTTP 200");
        assertThat(Postmortem.of(log.incident(run.incidentId()).orElseThrow(), Optional.of(runbook), events)
                        .rtoAchieved())
                .isEqualTo(Duration.ofMinutes(21));

        clock.advance(Duration.ofMinutes(3));
        run.start("tidy").get(10, TimeUnit.SECONDS);
        assertThat(run.clocks().recoveredIn())
                .as("later steps leave the RTO where the check put it")
                .isEqualTo(Duration.ofMinutes(21));
        assertThat(kinds(run).stream().filter(k -> k == EventKind.INCIDENT_RECOVERED))
                .hasSize(1);
    }

    @Test
    void skippingTheMarkedCheckLeavesTheIncidentOpenForTheOperatorToResolve() throws Exception {
        IncidentRun run = declare();
        run.start("fix").get(10, TimeUnit.SECONDS);
        run.skip("check", "the monitor is down");
        run.start("tidy").get(10, TimeUnit.SECONDS);

        assertThat(run.state()).isEqualTo(IncidentState.OPEN);
        assertThat(kinds(run)).doesNotContain(EventKind.INCIDENT_RECOVERED);

        clock.advance(Duration.ofMinutes(4));
        run.recovered("alice", "dashboards back");
        assertThat(run.state()).isEqualTo(IncidentState.RECOVERED);
    }
}
