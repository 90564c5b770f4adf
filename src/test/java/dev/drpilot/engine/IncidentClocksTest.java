package dev.drpilot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.drpilot.action.ActionRegistry;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Phase;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentClocksTest {

    private static final String RUNBOOK = """
            id: clocks
            title: Clocks
            architecture: druid
            kind: recovery
            targets: { rto: PT30M, rpo: none }
            steps:
              - { id: scope, title: Identify scope, phase: immediate, manual: Look. }
              - { id: restore, title: Restore, phase: recovery, manual: Restore. }
            """;

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-24T03:00:00Z"));
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private IncidentLogStore log;
    private IncidentRun run;

    @BeforeEach
    void declare() throws Exception {
        log = IncidentLogStore.open(dir.resolve("log"), clock, "alice");
        Runbook runbook = new RunbookLoader(EngineTestActions.CATALOG)
                .loadText(Path.of("clocks.yaml"), RUNBOOK)
                .runbooks()
                .get(0);
        IncidentEngine engine = new IncidentEngine(
                log,
                new ActionRegistry(EngineTestActions.CATALOG, List.of()),
                executor,
                clock,
                clock.sleeper(),
                new Random(1));
        run = engine.declare(
                runbook, Map.of(), new NewIncident("clocks", "Clocks", IncidentMode.LIVE, null, null, null));
    }

    @AfterEach
    void close() {
        executor.shutdownNow();
        log.close();
    }

    private List<IncidentEvent> breaches() {
        return log.events(run.incidentId()).stream()
                .filter(e -> e.kind() == EventKind.CLOCK_BREACH)
                .toList();
    }

    @Test
    void theClocksCountFromTheStartAndShowTheCurrentPhase() {
        clock.advance(Duration.ofMinutes(20));

        IncidentClocks.Reading reading = run.clocks();

        assertThat(reading.elapsed()).isEqualTo(Duration.ofMinutes(20));
        assertThat(reading.rtoRemaining()).isEqualTo(Duration.ofMinutes(10));
        assertThat(reading.phases())
                .filteredOn(IncidentClocks.PhaseClock::current)
                .extracting(IncidentClocks.PhaseClock::phase)
                .containsExactly(Phase.RECOVERY);
        assertThat(reading.phases().get(0).breached()).isTrue();
        assertThat(reading.phases())
                .as("a phase without steps has nothing open, and nothing done either")
                .extracting(
                        IncidentClocks.PhaseClock::phase,
                        IncidentClocks.PhaseClock::steps,
                        IncidentClocks.PhaseClock::openSteps)
                .containsExactly(
                        tuple(Phase.IMMEDIATE, 1, 1),
                        tuple(Phase.RECOVERY, 1, 1),
                        tuple(Phase.VALIDATION, 0, 0),
                        tuple(Phase.POST_RECOVERY, 0, 0));
    }

    @Test
    void aPhaseThatOutrunsItsWindowAndTheRtoAreLoggedOnceEach() {
        clock.advance(Duration.ofMinutes(10));
        assertThat(run.checkClocks()).isEmpty();

        clock.advance(Duration.ofMinutes(6));
        assertThat(run.checkClocks()).extracting(IncidentClocks.Breach::clock).containsExactly("phase immediate");
        clock.advance(Duration.ofMinutes(15));
        assertThat(run.checkClocks()).extracting(IncidentClocks.Breach::clock).containsExactly("RTO");
        assertThat(run.checkClocks()).isEmpty();

        assertThat(breaches()).hasSize(2);
        assertThat(breaches().get(0).payload()).contains("1 step(s) of the Immediate response phase still open");
    }

    @Test
    void settingTheStartBackMovesTheClocks() {
        run.setFailureStart(Instant.parse("2026-11-24T02:40:00Z"), "first error in the coordinator log");

        assertThat(run.clocks().elapsed()).isEqualTo(Duration.ofMinutes(20));
        assertThat(run.checkClocks()).extracting(IncidentClocks.Breach::clock).containsExactly("phase immediate");
        assertThat(log.events(run.incidentId()))
                .extracting(IncidentEvent::kind)
                .contains(EventKind.INCIDENT_START_SET_BACK);
    }
}
