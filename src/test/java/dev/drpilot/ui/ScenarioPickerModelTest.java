package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.runbook.Architecture;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scenario picker's logic without a screen, on the shipped runbooks. */
class ScenarioPickerModelTest {

    private final List<Runbook> picked = new ArrayList<>();
    private final ScenarioPickerModel model =
            new ScenarioPickerModel("Declare an incident: which scenario?", ShippedScenarios.RUNBOOKS, picked::add);

    @Test
    void offersRecoveriesFirstThenDrillsAndTheChecklistButNoBackupOrReadinessRunbook() {
        List<RunbookKind> kinds = model.shown().stream().map(Runbook::kind).toList();
        assertThat(kinds)
                .doesNotContain(RunbookKind.BACKUP, RunbookKind.READINESS)
                .contains(RunbookKind.DRILL, RunbookKind.CHECKLIST);
        assertThat(kinds.subList(0, kinds.lastIndexOf(RunbookKind.RECOVERY) + 1))
                .containsOnly(RunbookKind.RECOVERY);
        assertThat(model.selected().get())
                .as("the first is chosen")
                .isEqualTo(model.shown().getFirst());
    }

    @Test
    void narrowsByTheWordsTypedAndByArchitectureAndPicksTheFirstLeft() {
        model.search().set("Corruption");
        assertThat(model.shown())
                .extracting(Runbook::id)
                .containsExactlyInAnyOrder("druid-rds-corruption", "webapp-data-corruption");

        model.architecture().set("WebApp");
        assertThat(model.shown()).extracting(Runbook::id).containsExactly("webapp-data-corruption");
        model.pick();
        assertThat(picked).extracting(Runbook::id).containsExactly("webapp-data-corruption");

        model.search().set("");
        assertThat(model.shown()).isNotEmpty().allMatch(r -> r.architecture() != Architecture.DRUID);
    }

    @Test
    void nothingIsPickedWhenNothingMatches() {
        model.search().set("no scenario says this");
        assertThat(model.shown()).isEmpty();
        assertThat(model.selected().get()).isNull();
        model.pick();
        assertThat(picked).isEmpty();
    }
}
