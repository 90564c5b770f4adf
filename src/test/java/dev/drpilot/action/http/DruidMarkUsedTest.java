package dev.drpilot.action.http;

import static dev.drpilot.action.ReadBackRuns.declare;
import static dev.drpilot.action.ReadBackRuns.onEvent;
import static dev.drpilot.action.ReadBackRuns.runAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.ActionRegistry;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.Sleeper;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentLogStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The segment-deletion runbook's coordinator call reads back, through the coordinator's metadata
 * API, the used segments over the interval. Druid cannot run here: the coordinator is a stand-in
 * that keeps the segments' used flags (see {@link CoordinatorStandIn}).
 */
class DruidMarkUsedTest {

    private static final String INTERVAL = "2024-01-15/2024-01-16";

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
        coordinator.hourlySegments("wikipedia", INTERVAL, false);
        log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
        steps = Executors.newSingleThreadExecutor();
        engine = new IncidentEngine(
                log,
                new ActionRegistry(ActionCatalog.builtIn(), List.of(new DruidMarkUsed())),
                steps,
                Clock.systemUTC(),
                Sleeper.real(),
                new SecureRandom());
    }

    @AfterEach
    void stop() {
        steps.shutdownNow();
        log.close();
        coordinator.close();
    }

    private IncidentRun reload(String interval) throws Exception {
        return declare(dir, engine, """
                  - { id: reload, title: Reload, phase: recovery, action: http.druid.markUsed, with: { coordinatorUrl: "%s", datasource: wikipedia, interval: "%s" } }
                """.formatted(coordinator.url(), interval));
    }

    @Test
    void theMarkedSegmentsReadBackUsedFromTheMetadataStore() throws Exception {
        StepRun reload = runAll(reload(INTERVAL));

        assertThat(reload.state()).as(reload.message()).isEqualTo(StepState.SUCCEEDED);
        assertThat(reload.outputs()).containsEntry("segmentsMarked", 24);
        assertThat(reload.message())
                .contains(
                        "Checked: 24 used segment(s) of wikipedia overlapping " + INTERVAL + " in the metadata store");
        assertThat(coordinator.markUsedRequests())
                .containsExactly("POST application/json {\"interval\":\"" + INTERVAL + "\"}");
        assertThat(coordinator.usedCount("wikipedia")).isEqualTo(48);
    }

    @Test
    void segmentsADropRuleMarksUnusedAgainFailTheStep() throws Exception {
        IncidentRun run = reload(INTERVAL);
        AtomicBoolean dropped =
                onEvent(run, EventKind.API_CALL, "/markUsed", () -> coordinator.markUnused("wikipedia", INTERVAL));

        StepRun reload = runAll(run);

        assertThat(dropped).isTrue();
        assertThat(reload.state()).isEqualTo(StepState.FAILED);
        assertThat(reload.message())
                .contains(
                        "Expected at least 24 used segment(s) of wikipedia overlapping " + INTERVAL
                                + " in the metadata store, found 0: a drop rule or a kill task may have marked them unused again");
    }

    @Test
    void anIntervalWithNoSegmentToBringBackFailsTheStep() throws Exception {
        StepRun reload = runAll(reload("2023-06-01/2023-06-02"));

        assertThat(reload.state()).isEqualTo(StepState.FAILED);
        assertThat(reload.message())
                .contains("Expected at least 1 used segment(s) of wikipedia overlapping 2023-06-01/2023-06-02"
                        + " in the metadata store, found 0: the coordinator had no segment there to mark");
    }
}
