package dev.drpilot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drpilot.action.ActionRegistry;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incident's life: recovered (by its last recovery step, or by the operator) stops the RTO
 * clock and fixes the RTO achieved; closed stops every clock and every step; reopened runs them
 * again. Each is an event; the post-mortem and a resumed run read them back.
 */
class IncidentLifecycleTest {

    private static final String RUNBOOK = """
            id: life
            title: A recovery with two steps
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
                title: Check it
                phase: validation
                action: process.test.succeed
                with: { name: b }
            """;

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-24T03:00:00Z"));
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private IncidentLogStore log;
    private IncidentEngine engine;
    private Runbook runbook;

    @BeforeEach
    void setUp() {
        log = IncidentLogStore.open(dir.resolve("log"), clock, "alice");
        engine = new IncidentEngine(
                log,
                new ActionRegistry(EngineTestActions.CATALOG, List.of(new EngineTestActions.Succeed())),
                executor,
                clock,
                clock.sleeper(),
                new Random(7));
        RunbookLoader.Result loaded =
                new RunbookLoader(EngineTestActions.CATALOG).loadText(Path.of("life.yaml"), RUNBOOK);
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

    @Test
    void theLastRecoveryStepStopsTheRtoClockAndClosingStopsEverything() throws Exception {
        IncidentRun run = declare();
        clock.advance(Duration.ofMinutes(12));
        run.start("fix").get(10, TimeUnit.SECONDS);

        assertThat(run.state()).isEqualTo(IncidentState.RECOVERED);
        assertThat(run.clocks().recoveredIn()).isEqualTo(Duration.ofMinutes(12));
        clock.advance(Duration.ofHours(1));
        assertThat(run.clocks().recoveredIn()).as("fixed at the recovery").isEqualTo(Duration.ofMinutes(12));
        assertThat(run.clocks().rtoRemaining()).isEqualTo(Duration.ofMinutes(18));
        assertThat(run.checkClocks())
                .as("no RTO breach once recovered")
                .extracting(IncidentClocks.Breach::clock)
                .doesNotContain("RTO");

        run.close("Restored from the 02:55 snapshot; no data lost");
        assertThat(run.state()).isEqualTo(IncidentState.CLOSED);
        Duration lasted = run.clocks().elapsed();
        clock.advance(Duration.ofHours(30));
        assertThat(run.clocks().elapsed()).as("stopped at the close").isEqualTo(lasted);
        assertThat(run.checkClocks()).as("no breach after the close").isEmpty();
        assertThatThrownBy(() -> run.start("check")).hasMessageContaining("is closed: reopen it");

        var incident = log.incident(run.incidentId()).orElseThrow();
        Postmortem pm = Postmortem.of(incident, Optional.of(runbook), log.events(run.incidentId()));
        assertThat(pm.rtoAchieved()).isEqualTo(Duration.ofMinutes(12));
        assertThat(log.events(run.incidentId()))
                .extracting(IncidentEvent::kind)
                .contains(EventKind.INCIDENT_RECOVERED, EventKind.INCIDENT_CLOSED);
    }

    @Test
    void theOperatorSaysWhenTheServiceIsBackAndAReopeningUndoesIt() throws Exception {
        IncidentRun run = declare();
        clock.advance(Duration.ofMinutes(7));
        run.recovered("alice", "health checks green");
        assertThatThrownBy(() -> run.recovered("bob", null)).hasMessageContaining("already recovered");

        clock.advance(Duration.ofMinutes(5));
        run.reopen("errors again after the cache warmed");
        assertThat(run.state()).isEqualTo(IncidentState.OPEN);
        assertThat(run.clocks().recoveredIn()).isNull();
        assertThat(run.clocks().elapsed()).isEqualTo(Duration.ofMinutes(12));

        clock.advance(Duration.ofMinutes(3));
        run.start("fix").get(10, TimeUnit.SECONDS);
        assertThat(run.clocks().recoveredIn()).as("the second recovery counts").isEqualTo(Duration.ofMinutes(15));

        IncidentRun resumed = engine.resume(log.incident(run.incidentId()).orElseThrow(), runbook, Map.of());
        assertThat(resumed.state()).isEqualTo(IncidentState.RECOVERED);
        assertThat(resumed.clocks().recoveredIn()).isEqualTo(Duration.ofMinutes(15));
        assertThat(Postmortem.of(
                                log.incident(run.incidentId()).orElseThrow(),
                                Optional.of(runbook),
                                log.events(run.incidentId()))
                        .rtoAchieved())
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aCloseNeedsASummaryAndAReopeningAReason() throws Exception {
        IncidentRun run = declare();
        assertThatThrownBy(() -> run.close(" ")).hasMessageContaining("summary");
        assertThatThrownBy(() -> run.reopen("why")).hasMessageContaining("open already");
        run.close("false alarm: the monitor itself was down");
        assertThatThrownBy(() -> run.reopen("")).hasMessageContaining("say why");
        assertThat(run.state()).isEqualTo(IncidentState.CLOSED);
        assertThat(log.incident(run.incidentId()).orElseThrow().recoveredAt())
                .as("closed without recovery")
                .isNull();
    }
}
