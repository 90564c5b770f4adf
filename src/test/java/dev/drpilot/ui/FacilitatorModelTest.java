package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.engine.StepWorkerEngines;
import dev.drpilot.incident.DaemonThreads;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.rehearsal.Exercise;
import dev.drpilot.rehearsal.Tabletop;
import dev.drpilot.rehearsal.Tabletops;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facilitator's controls without a screen, over the sample tabletop on a real H2 log, at real time (no inject is due). */
class FacilitatorModelTest {

    @TempDir
    Path dir;

    private IncidentLogStore log;
    private Tabletop tabletop;
    private IncidentViewModel incident;
    private FacilitatorModel model;

    @BeforeEach
    void start() throws Exception {
        log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "facilitator");
        Exercise exercise = ShippedScenarios.exercise(UiBackend.SAMPLE_EXERCISE);
        tabletop = new Tabletops(ShippedScenarios.CATALOG, new StepWorkerEngines(new DaemonThreads("drpilot-steps")))
                .start(exercise, ShippedScenarios.runbook(exercise.runbookId()), log, 1, "facilitator");
        SameThreadTaskRunner tasks = new SameThreadTaskRunner();
        incident = new IncidentViewModel(tabletop.run(), tasks);
        model = new FacilitatorModel(tabletop, incident.events(), tasks);
    }

    @AfterEach
    void stop() {
        incident.close();
        tabletop.close();
        log.close();
    }

    @Test
    void anInjectMadeUpOnTheSpotReachesThePlayersAndClearsTheField() {
        model.inject().set("The CEO asks when the dashboards are back");
        model.addInject();

        assertThat(model.inject().get()).isEmpty();
        assertThat(model.latest().get()).startsWith("Inject ").endsWith(": The CEO asks when the dashboards are back");
        assertThat(incident.events()).anyMatch(e -> e.kind() == EventKind.INJECT);
    }

    @Test
    void theNextScriptedInjectIsDeliveredNowAndTheBarSaysWhatComesNext() {
        int pending = tabletop.pendingInjects().size();
        model.show(incident.clocks());
        assertThat(model.next().get()).startsWith("Next inject at T+");

        model.deliverNextInject();
        assertThat(tabletop.pendingInjects()).hasSize(pending - 1);
        assertThat(model.latest().get()).startsWith("Inject ");
        assertThat(model.status().get()).isEmpty();
    }

    @Test
    void pauseSpeedAndAFailedStepReachTheTabletop() {
        model.paused().set(true);
        model.show(incident.clocks());
        assertThat(tabletop.clock().paused()).isTrue();
        assertThat(model.clock().get()).startsWith("T+").endsWith(" (paused)");
        model.paused().set(false);
        assertThat(tabletop.clock().paused()).isFalse();

        model.speed().set(10);
        assertThat(tabletop.clock().speed()).isEqualTo(10);

        assertThat(model.failable())
                .isNotEmpty()
                .doesNotContain(tabletop.run().runbook().steps().stream()
                        .filter(s -> s.isManual())
                        .map(s -> s.id())
                        .toArray(String[]::new));
        model.stepToFail().set(model.failable().getLast());
        model.failStep();
        assertThat(model.status().get())
                .isEqualTo("The next attempt of " + model.failable().getLast() + " will fail");
    }
}
