package dev.drpilot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.incident.EventData;
import dev.drpilot.incident.Incident;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentFiguresTest {

    private static final String RUNBOOK = """
            id: figures
            title: Figures
            architecture: druid
            kind: recovery
            targets: { rto: PT30M, rpo: PT5M }
            params:
              - { name: restoreTime, type: instant }
            steps:
              - { id: scope, title: Identify scope, phase: immediate, manual: Look. }
              - { id: restore, title: Restore, phase: recovery, manual: Restore. }
              - { id: check, title: Check, phase: validation, manual: Check. }
            """;

    private static final Instant DECLARED = Instant.parse("2026-11-24T03:00:00Z");

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(DECLARED);
    private IncidentLogStore log;
    private Runbook runbook;
    private String id;

    @BeforeEach
    void open() {
        log = IncidentLogStore.open(dir.resolve("log"), clock, "alice");
        runbook = new RunbookLoader(EngineTestActions.CATALOG)
                .loadText(Path.of("figures.yaml"), RUNBOOK)
                .runbooks()
                .get(0);
        id = log.declare(
                        new NewIncident("figures", "Figures", IncidentMode.LIVE, null, "alice", null),
                        Map.of(IncidentFigures.RESTORE_POINT, "2026-11-24T02:30:00Z"))
                .id();
    }

    @AfterEach
    void close() {
        log.close();
    }

    private IncidentFigures figures() {
        Incident incident = log.incident(id).orElseThrow();
        return IncidentFigures.of(incident, log.events(id), runbook);
    }

    private void after(int minutes, EventData data, String stepId) {
        clock.advance(Duration.ofMinutes(minutes));
        log.append(id, data, stepId);
    }

    @Test
    void theRpoCountsFromTheRestorePointToTheFailuresStartOnceBothAreKnown() {
        assertThat(figures().restorePoint()).isEqualTo(Instant.parse("2026-11-24T02:30:00Z"));
        assertThat(figures().rpoAchieved())
                .as("the failure's start is not known yet")
                .isNull();
        assertThat(figures().start()).isEqualTo(DECLARED);

        log.life().setFailureStart(id, Instant.parse("2026-11-24T02:42:00Z"), "first error in the logs");

        assertThat(figures().failureStartedAt()).isEqualTo(Instant.parse("2026-11-24T02:42:00Z"));
        assertThat(figures().start()).isEqualTo(Instant.parse("2026-11-24T02:42:00Z"));
        assertThat(figures().rpoAchieved()).isEqualTo(Duration.ofMinutes(12));
    }

    @Test
    void recoveryAndCloseFollowTheLastWordOfTheLogAndTheClocksReadThem() {
        after(2, new EventData.StepStarted("manual", 1, null, null), "scope");
        after(5, new EventData.StepSucceeded("Ticked off", null, Map.of(), 0L), "scope");
        clock.advance(Duration.ofMinutes(3));
        log.life().recovered(id, new EventData.Recovered("alice", null));
        clock.advance(Duration.ofMinutes(4));
        log.life().reopen(id, "it failed again");
        assertThat(figures().recoveredAt())
                .as("a reopening undoes the recovery")
                .isNull();
        assertThat(figures().rtoAchieved()).isNull();

        clock.advance(Duration.ofMinutes(6));
        log.life().recovered(id, new EventData.Recovered("bob", "green"));
        clock.advance(Duration.ofMinutes(10));
        log.life().close(id, "done");
        clock.advance(Duration.ofMinutes(30));

        IncidentFigures figures = figures();
        assertThat(figures.firstActionAt()).isEqualTo(DECLARED.plus(Duration.ofMinutes(2)));
        assertThat(figures.timeToFirstAction()).isEqualTo(Duration.ofMinutes(2));
        assertThat(figures.recoveredAt()).isEqualTo(DECLARED.plus(Duration.ofMinutes(20)));
        assertThat(figures.recoveredIn()).isEqualTo(Duration.ofMinutes(20)).isEqualTo(figures.rtoAchieved());
        assertThat(figures.closedAt()).isEqualTo(DECLARED.plus(Duration.ofMinutes(30)));
        assertThat(figures.elapsed(clock.instant()))
                .as("every clock stops at the close")
                .isEqualTo(Duration.ofMinutes(30));

        IncidentClocks.Reading reading =
                IncidentClocks.of(figures, runbook.targets()).at(clock.instant(), List.of());
        assertThat(reading.elapsed()).isEqualTo(figures.elapsed(clock.instant()));
        assertThat(reading.recoveredIn()).isEqualTo(figures.recoveredIn());
        assertThat(reading.rtoRemaining()).isEqualTo(Duration.ofMinutes(10));
        assertThat(reading.closed()).isTrue();
    }

    @Test
    void whoSettledEachStepAndWhenEachPhaseWasDone() {
        after(1, new EventData.StepStarted("manual", 1, null, null), "scope");
        after(4, new EventData.StepSucceeded("Ticked off", null, Map.of(), 0L), "scope");
        after(1, new EventData.StepSkipped("done by hand"), "restore");
        after(1, new EventData.StepStarted("manual", 1, null, null), "check");
        after(2, new EventData.StepSucceeded("Ticked off", null, Map.of(), 0L), "check");
        after(1, new EventData.StepStarted("manual", 2, null, null), "check");

        IncidentFigures figures = figures();
        assertThat(figures.settledBy())
                .containsOnlyKeys("scope", "restore")
                .containsEntry("scope", new IncidentFigures.Settled("alice", DECLARED.plus(Duration.ofMinutes(5))));
        assertThat(figures.phases())
                .extracting(
                        IncidentFigures.PhaseState::phase,
                        IncidentFigures.PhaseState::steps,
                        IncidentFigures.PhaseState::doneAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Phase.IMMEDIATE, 1, DECLARED.plus(Duration.ofMinutes(5))),
                        org.assertj.core.groups.Tuple.tuple(Phase.RECOVERY, 1, DECLARED.plus(Duration.ofMinutes(6))),
                        org.assertj.core.groups.Tuple.tuple(Phase.VALIDATION, 1, null));
        assertThat(figures.recoveredAt()).as("nobody said the service is back").isNull();
        assertThat(figures.rtoStoppedAt())
                .as("a log that never says so: its immediate and recovery steps were all done")
                .isEqualTo(DECLARED.plus(Duration.ofMinutes(6)));
        assertThat(figures.rtoAchieved()).isEqualTo(Duration.ofMinutes(6));
        assertThat(IncidentFigures.of(log.incident(id).orElseThrow(), log.events(id), null)
                        .rtoStoppedAt())
                .as("without the runbook, its steps' phases are not known")
                .isNull();
    }
}
