package dev.drpilot.action.http;

import static dev.drpilot.action.ReadBackRuns.declare;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.ActionRegistry;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.IncidentLogStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coordinator's segment count, read before a restore and compared after it: used segments in
 * the metadata store and segments the historicals serve, on the coordinator stand-in of
 * {@link DruidMarkUsedTest} (Druid cannot run here).
 */
class DruidSegmentCountTest {

    private static final String WEEK = "2024-01-14/2024-01-16";

    @TempDir
    Path dir;

    private CoordinatorStandIn coordinator;
    private IncidentLogStore log;
    private ExecutorService steps;
    private IncidentEngine engine;

    @BeforeEach
    void start() throws Exception {
        coordinator = new CoordinatorStandIn();
        coordinator.hourlySegments("wikipedia", "2024-01-14/2024-01-15", true);
        coordinator.hourlySegments("wikipedia", "2024-01-15/2024-01-16", false);
        log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
        steps = Executors.newSingleThreadExecutor();
        engine = new IncidentEngine(
                log,
                new ActionRegistry(ActionCatalog.builtIn(), List.of(new DruidMarkUsed(), new DruidSegmentCount())),
                steps,
                Clock.systemUTC(),
                duration -> {},
                new SecureRandom());
    }

    @AfterEach
    void stop() {
        steps.shutdownNow();
        log.close();
        coordinator.close();
    }

    private IncidentRun restore() throws Exception {
        String with = "coordinatorUrl: \"%s\", datasource: wikipedia".formatted(coordinator.url());
        return declare(dir, engine, """
                  - { id: count-before, title: Count before, phase: immediate, action: http.druid.segmentCount, with: { %1$s, interval: "%2$s" } }
                  - { id: reload, title: Reload, phase: recovery, action: http.druid.markUsed, with: { %1$s, interval: "2024-01-15/2024-01-16" } }
                  - { id: segments-back, title: Check, phase: recovery, action: http.druid.segmentCount, with: { %1$s, interval: "%2$s", atLeast: "${steps.count-before.usedSegments}" } }
                """.formatted(with, WEEK));
    }

    private StepRun run(IncidentRun run, String stepId) throws Exception {
        run.start(stepId).get(60, TimeUnit.SECONDS);
        return run.step(stepId);
    }

    @Test
    void theCountBeforeIsRecordedAndAfterTheRestoreEveryUsedSegmentMustBeServed() throws Exception {
        IncidentRun run = restore();

        StepRun before = run(run, "count-before");
        assertThat(before.state()).as(before.message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(before.outputs()).containsEntry("usedSegments", 24).containsEntry("servedSegments", 24);

        assertThat(run(run, "reload").state()).isEqualTo(StepState.SUCCEEDED);
        StepRun loading = run(run, "segments-back");
        assertThat(loading.state()).isEqualTo(StepState.FAILED);
        assertThat(loading.message())
                .contains("Expected all 48 used segment(s) of wikipedia overlapping " + WEEK
                        + " served by the historicals, found 24: they are still loading");

        coordinator.historicalsLoad();
        StepRun back = run(run, "segments-back");
        assertThat(back.state()).as(back.message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(back.outputs()).containsEntry("usedSegments", 48).containsEntry("servedSegments", 48);
        assertThat(back.message())
                .contains("Checked: 48 used segment(s) of wikipedia overlapping " + WEEK
                        + ", at least the 24 before the restore, and all 48 served by the historicals");
    }

    @Test
    void fewerUsedSegmentsThanBeforeFailTheCheckWithWhatWasExpectedAndFound() throws Exception {
        IncidentRun run = restore();
        run(run, "count-before");
        run(run, "reload");
        coordinator.markUnused("wikipedia", WEEK);
        coordinator.historicalsLoad();

        StepRun check = run(run, "segments-back");

        assertThat(check.state()).isEqualTo(StepState.FAILED);
        assertThat(check.message())
                .contains(
                        "Expected at least 24 used segment(s) of wikipedia overlapping " + WEEK
                                + " in the metadata store (24 before the restore), found 0: the restore did not bring them all back");
    }

    @Test
    void aDatasourceWithNothingLeftCountsZeroBeforeButProvesNothingAfter() throws Exception {
        String with = "coordinatorUrl: \"%s\", datasource: gone, interval: \"%s\"".formatted(coordinator.url(), WEEK);
        IncidentRun run = declare(dir, engine, """
                  - { id: before, title: Count before, phase: immediate, action: http.druid.segmentCount, with: { %1$s } }
                  - { id: after, title: Check, phase: recovery, action: http.druid.segmentCount, with: { %1$s, atLeast: 0 } }
                """.formatted(with));

        assertThat(run(run, "before").outputs())
                .containsEntry("usedSegments", 0)
                .containsEntry("servedSegments", 0);
        StepRun after = run(run, "after");
        assertThat(after.state()).isEqualTo(StepState.FAILED);
        assertThat(after.message())
                .contains("Expected at least 1 used segment(s) of gone overlapping " + WEEK
                        + " in the metadata store (0 before the restore), found 0");
    }

    @Test
    void anIntervalThatIsNotStartSlashEndIsRefusedBeforeAnyCall() throws Exception {
        IncidentRun run = declare(dir, engine, """
                  - { id: count, title: Count, phase: immediate, action: http.druid.segmentCount, with: { coordinatorUrl: "%s", datasource: wikipedia, interval: "2024-01-15" } }
                """.formatted(coordinator.url()));

        StepRun count = run(run, "count");

        assertThat(count.state()).isEqualTo(StepState.FAILED);
        assertThat(count.message()).contains("interval: '2024-01-15' is not start/end");
        assertThat(log.events(run.incidentId())).noneMatch(e -> e.kind() == dev.drpilot.incident.EventKind.API_CALL);
    }
}
