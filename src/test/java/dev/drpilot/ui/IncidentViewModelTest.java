package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionRegistry;
import dev.drpilot.engine.EngineTestActions;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.engine.TestClock;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.IncidentState;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident screen's logic without a screen: its clocks line (elapsed, RTO, RPO against their
 * targets), who settled each step, the acts and the problems they meet, the news, the log's filter.
 * A real engine on a real H2 log, its automated steps run on the test's thread (a manual step would
 * wait there for a tick that never comes: the UI tests tick them off).
 */
class IncidentViewModelTest {

    private static final String RUNBOOK = """
            id: restore
            title: Restore the metadata database
            architecture: druid
            kind: recovery
            targets: { rto: PT30M, rpo: PT5M }
            params:
              - { name: restoreTime, type: instant }
            steps:
              - id: fix
                title: Restore it
                phase: recovery
                action: process.test.succeed
                with: { name: a }
              - id: check
                title: Check it
                phase: validation
                manual: Read the dashboards.
            """;

    private static final Instant DECLARED = Instant.parse("2026-11-24T03:00:00Z");

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(DECLARED);
    private final CallingThreadExecutor executor = new CallingThreadExecutor();
    private IncidentLogStore log;
    private IncidentRun run;
    private IncidentViewModel model;

    @BeforeEach
    void declare() throws Exception {
        log = IncidentLogStore.open(dir.resolve("log"), clock, "alice");
        IncidentEngine engine = new IncidentEngine(
                log,
                new ActionRegistry(EngineTestActions.CATALOG, List.of(new EngineTestActions.Succeed())),
                executor,
                clock,
                clock.sleeper(),
                new Random(7));
        Runbook runbook = new RunbookLoader(EngineTestActions.CATALOG)
                .loadText(Path.of("restore.yaml"), RUNBOOK)
                .runbooks()
                .getFirst();
        Instant failure = DECLARED.minus(Duration.ofMinutes(20));
        run = engine.declare(
                runbook,
                Map.of("restoreTime", failure.minus(Duration.ofMinutes(10)).toString()),
                new NewIncident(runbook.id(), runbook.title(), IncidentMode.LIVE, null, null, failure));
        model = new IncidentViewModel(run, new SameThreadTaskRunner());
    }

    @AfterEach
    void close() {
        run.close();
        log.close();
    }

    @Test
    void theClocksLineReadsTheElapsedTimeTheRtoAndTheRpoAgainstTheirTargets() {
        assertThat(model.figures().rpo())
                .as("restored to 10 minutes before the failure began")
                .isEqualTo(Duration.ofMinutes(10));

        model.tick();
        assertThat(model.clocksLine().get())
                .startsWith("Elapsed 00:20:00")
                .contains("RTO left 00:10:00")
                .endsWith("RPO 10 min (target < 5 min: missed)");
        assertThat(model.verdict().get()).as("the RPO is missed already").isEqualTo(IncidentViewModel.Verdict.MISSED);

        clock.advance(Duration.ofMinutes(12));
        model.tick();
        assertThat(model.clocksLine().get()).startsWith("Elapsed 00:32:00").contains("RTO passed 00:02:00 ago");
        assertThat(model.events())
                .as("the breach the tick noticed is in the log")
                .anyMatch(e -> e.kind() == EventKind.CLOCK_BREACH
                        && IncidentViewModel.logLine(e).contains("RTO"));
    }

    @Test
    void aStepRunToSuccessSaysWhoSettledItAndRunningItAgainIsAProblemInWords() {
        model.start("fix");

        assertThat(state("fix")).isEqualTo(StepState.SUCCEEDED);
        assertThat(model.currentFigures().get().settledBy()).containsEntry("fix", "alice, 03:00:00");
        assertThat(model.problem().get()).isEmpty();

        model.start("fix");
        assertThat(model.problem().get()).isEqualTo("step 'fix' is succeeded; it cannot be started now");
        model.dismissProblem();
        assertThat(model.problem().get()).isEmpty();
    }

    @Test
    void aSkippedStepSaysWhoSkippedItAndTheServiceRecoveredStopsTheRtoClockAgainstItsTarget() {
        model.skip("check", "the dashboards were read by the on-call");
        assertThat(state("check")).isEqualTo(StepState.SKIPPED);
        assertThat(model.currentFigures().get().settledBy()).containsEntry("check", "alice, 03:00:00");

        clock.advance(Duration.ofMinutes(3));
        model.recovered(null);
        model.tick();
        assertThat(model.state().get()).isEqualTo(IncidentState.RECOVERED);
        assertThat(model.clocksLine().get())
                .contains("Recovered in 00:23:00 (RTO target "
                        + run.runbook().targets().rto().label() + ": met)");
        assertThat(model.verdict().get()).as("the RPO is still missed").isEqualTo(IncidentViewModel.Verdict.MISSED);
    }

    @Test
    void notesAndDecisionsAreNewsAndTheLogFilterShowsThemAlone() {
        List<IncidentEvent> news = new ArrayList<>();
        model.onNews(news::add);

        model.note("   ", false);
        model.note("the snapshot of 02:25 is the newest whole one", false);
        model.note("restore from it", true);

        assertThat(news).extracting(IncidentEvent::kind).containsExactly(EventKind.NOTE, EventKind.DECISION);
        model.logFilter().set("Notes and decisions");
        assertThat(model.shownEvents())
                .extracting(IncidentEvent::kind)
                .containsExactly(EventKind.NOTE, EventKind.DECISION);
        model.logFilter().set("All events");
        assertThat(model.shownEvents()).hasSameSizeAs(model.events()).hasSizeGreaterThan(2);
    }

    private StepState state(String stepId) {
        return model.steps().stream()
                .filter(s -> s.id().equals(stepId))
                .findFirst()
                .orElseThrow()
                .state();
    }
}
