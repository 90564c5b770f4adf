package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.rehearsal.Exercise;
import dev.drpilot.runbook.Runbook;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tabletop's setup without a screen: what the players are told, the speed chosen, one start. */
class RehearsalSetupModelTest {

    private final Exercise exercise = ShippedScenarios.exercise(UiBackend.SAMPLE_EXERCISE);
    private final Runbook runbook = ShippedScenarios.runbook(exercise.runbookId());
    private final List<Integer> startedAt = new ArrayList<>();
    private final RehearsalSetupModel model =
            new RehearsalSetupModel(exercise, runbook, (e, speed) -> startedAt.add(speed));

    @Test
    void tellsTheSituationTheTargetsAndHowManyInjectsAreScripted() {
        assertThat(model.title()).isEqualTo("Tabletop rehearsal: " + exercise.title());
        assertThat(model.about())
                .contains("RTO target " + runbook.targets().rto().label())
                .contains("RPO target " + runbook.targets().rpo().label());
        assertThat(model.situation()).isEqualTo(exercise.situation());
        assertThat(model.how()).startsWith(exercise.injects().size() + " injects are scripted.");
        assertThat(RehearsalSetupModel.speedLabel(1)).isEqualTo("real time");
        assertThat(RehearsalSetupModel.speedLabel(30)).isEqualTo("30x faster");
    }

    @Test
    void startsOnceAtTheSpeedChosen() {
        assertThat(model.speed().get()).isEqualTo(RehearsalSetupModel.DEFAULT_SPEED);
        model.speed().set(60);
        model.start();
        model.start();
        assertThat(startedAt).containsExactly(60);
        assertThat(model.started().get()).isTrue();
    }
}
