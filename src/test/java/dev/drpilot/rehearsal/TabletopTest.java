package dev.drpilot.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.engine.StepWorkerEngines;
import dev.drpilot.incident.DaemonThreads;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabletopTest {

    /** An hour of exercise time in about 0.1 s of real time. */
    private static final int FAST = 36_000;
    /** Slow enough that a machine busy with other builds (0.2 s late) stays within a minute of exercise time. */
    private static final int FAST_ENOUGH_FOR_TIMING = 300;

    @TempDir
    Path dir;

    private IncidentLogStore log;

    @BeforeEach
    void openLog() {
        log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "facilitator");
    }

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Test
    void everyRecoveryRunbookHasAShippedExerciseThatRunsToItsEnd() throws Exception {
        ExerciseLoader.Result shipped = Shipped.exercises();
        assertThat(shipped.problems()).isEmpty();
        List<Runbook> recovery = Shipped.RUNBOOKS.stream()
                .filter(r -> r.kind() == RunbookKind.RECOVERY)
                .toList();
        assertThat(recovery).hasSize(12);
        for (Runbook runbook : recovery) {
            Exercise exercise = shipped.exercises().stream()
                    .filter(e -> e.runbookId().equals(runbook.id()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no exercise for " + runbook.id()));
            try (Tabletop tabletop =
                    Shipped.TABLETOPS.start(exercise, runbook, log, RehearsalClock.unchecked(FAST), "alice")) {
                boolean finished = new Autoplay(tabletop.run(), tabletop.clock()).playToEnd(Duration.ofSeconds(60));
                assertThat(finished)
                        .as(exercise.id() + ": "
                                + tabletop.run().steps().stream()
                                        .map(s -> s.step().id() + "=" + s.state() + " " + s.message())
                                        .toList())
                        .isTrue();
                assertThat(tabletop.run().steps()).allMatch(s -> s.state() == StepState.SUCCEEDED);
            }
        }
        assertThat(log.incidents()).hasSize(12).allMatch(i -> i.mode() == IncidentMode.REHEARSAL);
    }

    @Test
    void theRdsCorruptionExerciseDeliversItsInjectsOnTimeRetriesTheScriptedFailureAndScoresTheRun() throws Exception {
        Exercise exercise = Shipped.exercise("druid-rds-corruption-tabletop");
        String id;
        try (Tabletop tabletop = Shipped.TABLETOPS.start(
                exercise,
                Shipped.runbook("druid-rds-corruption"),
                log,
                RehearsalClock.unchecked(FAST_ENOUGH_FOR_TIMING),
                "alice")) {
            id = tabletop.run().incidentId();
            assertThat(new Autoplay(tabletop.run(), tabletop.clock()).playToEnd(Duration.ofSeconds(60)))
                    .isTrue();
            // the last inject is at T+26 min; the run's own steps take about 24 min
            while (!tabletop.pendingInjects().isEmpty()) TimeUnit.MILLISECONDS.sleep(10);
        }
        Incident incident = log.incident(id).orElseThrow();
        List<IncidentEvent> events = log.events(id);
        List<IncidentEvent> injects =
                events.stream().filter(e -> e.kind() == EventKind.INJECT).toList();
        assertThat(injects).hasSize(1 + exercise.injects().size());
        assertThat(((EventData.Inject) injects.getFirst().data()).exercise()).isEqualTo(exercise.id());
        assertThat(incident.startedAt())
                .as("the sample starts with the failure, at the beginning of its first window")
                .isEqualTo(incident.declaredAt());
        for (int i = 0; i < exercise.injects().size(); i++) {
            Duration scripted = exercise.injects().get(i).at();
            Duration delivered =
                    Duration.between(incident.startedAt(), injects.get(i + 1).time());
            assertThat(delivered).as("inject at " + scripted).isBetween(scripted, scripted.plusMinutes(1));
            assertThat(((EventData.Inject) injects.get(i + 1).data()).text())
                    .isEqualTo(exercise.injects().get(i).text());
        }
        assertThat(events).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.STEP_RETRIED);
            assertThat(e.stepId()).isEqualTo("restart");
            assertThat(e.payload()).contains("is forbidden");
        });
        Scorecard card = Scorecard.of(incident, Shipped.runbook("druid-rds-corruption"), events);
        assertThat(card.rpo()).isEqualTo(Duration.ofMinutes(5));
        assertThat(card.rpoVerdict())
                .as("restored to 5 minutes before the failure, against a target of < 5 min")
                .isEqualTo("missed");
        // 1 + 2 + 15 + 0.5 + 1 (+ a retry) + 4 min of scripted work, and the team's moves
        assertThat(card.rto()).isBetween(Duration.ofMinutes(23), Duration.ofMinutes(35));
        assertThat(card.retried()).containsEntry("restart", 1);
    }

    @Test
    void aTabletopRunsOnTheEngineItsFactoryMakesAndStopsThatEnginesWorkerWhenItCloses() throws Exception {
        List<Thread> workers = new CopyOnWriteArrayList<>();
        DaemonThreads threads = new DaemonThreads("test-steps");
        Tabletops tabletops = new Tabletops(Shipped.CATALOG, new StepWorkerEngines(work -> {
            Thread worker = threads.newThread(work);
            workers.add(worker);
            return worker;
        }));
        try (Tabletop tabletop = tabletops.start(
                Shipped.exercise("druid-pod-failure-tabletop"),
                Shipped.runbook("druid-pod-failure"),
                log,
                RehearsalClock.unchecked(FAST),
                "alice")) {
            assertThat(new Autoplay(tabletop.run(), tabletop.clock()).playToEnd(Duration.ofSeconds(60)))
                    .isTrue();
            assertThat(workers).as("the steps ran on the factory's one worker").hasSize(1);
            assertThat(workers.getFirst().isAlive()).isTrue();
        }
        workers.getFirst().join(TimeUnit.SECONDS.toMillis(30));
        assertThat(workers.getFirst().isAlive())
                .as("closing the tabletop stops its engine's worker")
                .isFalse();
    }

    @Test
    void exerciseTimeIsTheIncidentsTimeCountedFromTheFailuresStart() throws Exception {
        Exercise exercise = Shipped.exercise(
                "druid-pod-failure-tabletop"); // the players are told 10 minutes after the failure began
        try (Tabletop tabletop =
                Shipped.TABLETOPS.start(exercise, Shipped.runbook("druid-pod-failure"), log, 1, "alice")) {
            tabletop.clock().pause();
            Incident rehearsal = log.incident(tabletop.run().incidentId()).orElseThrow();

            assertThat(rehearsal.startedAt()).isEqualTo(rehearsal.declaredAt().minus(Duration.ofMinutes(10)));
            assertThat(tabletop.elapsed())
                    .as("the facilitator's T+ and the incident's elapsed time")
                    .isEqualTo(tabletop.run().clocks().elapsed())
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(10));
            IncidentEvent situation = log.events(rehearsal.id()).stream()
                    .filter(e -> e.kind() == EventKind.INJECT)
                    .findFirst()
                    .orElseThrow();
            assertThat(((EventData.Inject) situation.data()).at()).isEqualTo("T+10 min");
            assertThat(tabletop.pendingInjects().getFirst().at())
                    .as("the first inject, on the same clock")
                    .isGreaterThan(Duration.ofMinutes(10));
        }
    }

    @Test
    void theFacilitatorPausesFiresAnInjectEarlyAddsOneAndFailsAStep() throws Exception {
        Exercise exercise = Shipped.exercise("druid-pod-failure-tabletop");
        try (Tabletop tabletop =
                Shipped.TABLETOPS.start(exercise, Shipped.runbook("druid-pod-failure"), log, 1, "alice")) {
            tabletop.clock().pause();
            var pausedAt = tabletop.clock().instant();
            TimeUnit.MILLISECONDS.sleep(50);
            assertThat(tabletop.clock().instant()).isEqualTo(pausedAt);

            tabletop.fireNextInject();
            tabletop.addInject("The VP of engineering joins the bridge.");
            assertThat(tabletop.pendingInjects()).hasSize(exercise.injects().size() - 1);
            List<String> texts = log.events(tabletop.run().incidentId()).stream()
                    .filter(e -> e.kind() == EventKind.INJECT)
                    .map(e -> ((EventData.Inject) e.data()).text())
                    .toList();
            assertThat(texts).endsWith(exercise.injects().getFirst().text(), "The VP of engineering joins the bridge.");

            tabletop.failStep("identify", "the API server answers 500");
            tabletop.clock().resume();
            tabletop.clock().setSpeed(60);
            tabletop.run().start("identify").get(10, TimeUnit.SECONDS);
            StepRun failed = tabletop.run().step("identify");
            assertThat(failed.state()).isEqualTo(StepState.FAILED);
            assertThat(failed.message()).contains("the API server answers 500");
            tabletop.run().start("identify").get(10, TimeUnit.SECONDS);
            assertThat(tabletop.run().step("identify").state()).isEqualTo(StepState.SUCCEEDED);
        }
        assertThatThrownBy(() -> new RehearsalClock(Clock.systemUTC(), 61))
                .hasMessageContaining("give 1 (real time) to 60");
    }

    @Test
    void aRehearsalClosedHalfWayIsTakenUpAgainOnItsOwnClockWithTheInjectsStillToCome() throws Exception {
        Exercise exercise = Shipped.exercise("druid-rds-corruption-tabletop");
        Runbook runbook = Shipped.runbook("druid-rds-corruption");
        String id;
        try (Tabletop tabletop = Shipped.TABLETOPS.start(
                exercise, runbook, log, RehearsalClock.unchecked(FAST_ENOUGH_FOR_TIMING), "alice")) {
            id = tabletop.run().incidentId();
            tabletop.fireNextInject();
            tabletop.run().start("check-window").get(10, TimeUnit.SECONDS);
            assertThat(tabletop.run().step("check-window").state()).isEqualTo(StepState.SUCCEEDED);
        }
        Incident rehearsal = log.incident(id).orElseThrow();
        try (Tabletop again = Shipped.TABLETOPS.resume(rehearsal, runbook, List.of(exercise), log, 60, null)) {
            assertThat(again.run().step("check-window").state()).isEqualTo(StepState.SUCCEEDED);
            assertThat(again.pendingInjects())
                    .hasSize(exercise.injects().size() - 1)
                    .doesNotContain(exercise.injects().getFirst());
            assertThat(again.elapsed()).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
        }
        List<IncidentEvent> events = log.events(id);
        assertThat(events).anyMatch(e -> e.kind() == EventKind.INCIDENT_RESUMED);
        for (int i = 1; i < events.size(); i++)
            assertThat(events.get(i).time()).isAfterOrEqualTo(events.get(i - 1).time());
    }
}
