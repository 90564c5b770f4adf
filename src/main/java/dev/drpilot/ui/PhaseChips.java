package dev.drpilot.ui;

import dev.drpilot.engine.IncidentClocks;
import dev.drpilot.runbook.Durations;
import dev.drpilot.runbook.Phase;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The checklist's four phases side by side, each on two lines so the names never need cutting:
 * its name and window, then its work (open steps, done, or no steps at all) and whether it is late.
 * The current phase is outlined, a late one red.
 */
final class PhaseChips {

    private final HBox root = new HBox(8);
    /** Made once and updated each second (a new node a second would cost a CSS pass each time). */
    private final Map<Phase, Label> chips = new EnumMap<>(Phase.class);

    PhaseChips() {
        root.setId("phases");
    }

    Node root() {
        return root;
    }

    void show(IncidentClocks.PhaseClock clock) {
        Label chip = chips.computeIfAbsent(clock.phase(), phase -> {
            Label made = new Label();
            made.setId("phase-" + phase.yamlName());
            made.setPadding(new Insets(2, 10, 2, 10));
            made.setMinWidth(Region.USE_PREF_SIZE);
            made.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(made, Priority.ALWAYS);
            root.getChildren().add(made);
            return made;
        });
        chip.setText(clock.phase().label() + " · " + window(clock.phase()) + "\n" + work(clock));
        String style = clock.breached() ? "danger" : clock.current() ? "accent" : "text-muted";
        if (!chip.getStyleClass().contains(style)) {
            chip.getStyleClass().removeAll("danger", "accent", "text-muted");
            chip.getStyleClass().add(style);
        }
        chip.setStyle(
                clock.current()
                        ? "-fx-border-color: -color-accent-emphasis; -fx-border-radius: 4;"
                        : "-fx-border-color: -color-border-muted; -fx-border-radius: 4;");
    }

    /** "0-15 min", "15 min-4 h", "4 h-1 d", "1 d-7 d": from the incident's start. */
    static String window(Phase phase) {
        return (phase.opens().isZero() ? "0" : Durations.human(phase.opens())) + "-" + Durations.human(phase.closes());
    }

    private static String work(IncidentClocks.PhaseClock clock) {
        String work = clock.steps() == 0 ? "no steps" : clock.openSteps() == 0 ? "done" : clock.openSteps() + " open";
        return clock.breached() ? work + " · LATE" : work;
    }
}
