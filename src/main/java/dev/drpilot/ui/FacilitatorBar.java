package dev.drpilot.ui;

import dev.drpilot.engine.IncidentClocks;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.rehearsal.Exercise;
import dev.drpilot.rehearsal.RehearsalClock;
import dev.drpilot.rehearsal.Tabletop;
import dev.drpilot.runbook.Durations;
import dev.drpilot.runbook.Step;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The facilitator's controls over a tabletop, above the incident view: the exercise clock and its
 * speed, pause, the next inject (deliver it now), an inject made up on the spot, and a step to
 * fail. The latest inject stands out for the players, above the log it is written in.
 */
final class FacilitatorBar {

    private final Tabletop tabletop;
    private final VBox root = new VBox(6);
    private final Label clock = new Label();
    private final Label next = new Label();
    private final Label latest = new Label("The situation has been given; injects will appear here.");
    private final Label status = new Label();

    FacilitatorBar(Tabletop tabletop, ObservableList<IncidentEvent> events) {
        this.tabletop = tabletop;
        clock.setId("exercise-clock");
        clock.getStyleClass().add("title-4");
        ChoiceBox<Integer> speed = new ChoiceBox<>(FXCollections.observableArrayList(1, 2, 5, 10, 30, RehearsalClock.MAX_SPEED));
        speed.setId("rehearsal-speed");
        speed.setValue(tabletop.clock().speed());
        speed.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value + "x";
            }

            @Override
            public Integer fromString(String text) {
                return Integer.valueOf(text.replace("x", ""));
            }
        });
        speed.valueProperty().addListener((o, was, now) -> tabletop.clock().setSpeed(now));
        ToggleButton pause = new ToggleButton("Pause");
        pause.setId("rehearsal-pause");
        pause.setOnAction(e -> {
            if (pause.isSelected()) tabletop.clock().pause();
            else tabletop.clock().resume();
            pause.setText(pause.isSelected() ? "Resume" : "Pause");
        });
        next.setId("next-inject");
        Button fire = new Button("Deliver it now");
        fire.setId("fire-inject");
        fire.setOnAction(e -> Background.run(() -> {
            tabletop.fireNextInject();
            return "";
        }, done -> { }, status::setText));
        HBox controls = new HBox(10, new Label("Facilitator"), clock, new Label("Speed"), speed, pause, next, fire, status);
        controls.setAlignment(Pos.CENTER_LEFT);
        for (Region whole : List.<Region>of(clock, pause, next, fire)) whole.setMinWidth(Region.USE_PREF_SIZE);

        TextField inject = new TextField();
        inject.setId("inject-text");
        inject.setPromptText("An inject on the spot: what the players learn now");
        HBox.setHgrow(inject, Priority.ALWAYS);
        Button add = new Button("Add inject");
        add.setId("add-inject");
        add.setOnAction(e -> {
            String text = inject.getText();
            Background.run(() -> {
                tabletop.addInject(text);
                return "";
            }, done -> inject.clear(), status::setText);
        });
        inject.setOnAction(e -> add.fire());
        List<String> automated = tabletop.run().runbook().steps().stream().filter(s -> !s.isManual()).map(Step::id).toList();
        ChoiceBox<String> failChoice = new ChoiceBox<>(FXCollections.observableArrayList(automated));
        failChoice.setId("fail-step-choice");
        if (!automated.isEmpty()) failChoice.setValue(automated.getFirst());
        Button fail = new Button("Fail its next attempt");
        fail.setId("fail-step");
        fail.setOnAction(e -> {
            tabletop.failStep(failChoice.getValue(), "the facilitator failed this step");
            status.setText("The next attempt of " + failChoice.getValue() + " will fail");
        });
        HBox actions = new HBox(10, inject, add, new Label("Step"), failChoice, fail);
        actions.setAlignment(Pos.CENTER_LEFT);
        inject.setMinWidth(140);
        for (Region whole : List.<Region>of(add, fail)) whole.setMinWidth(Region.USE_PREF_SIZE);

        latest.setId("latest-inject");
        latest.setWrapText(true);
        latest.setMinHeight(Region.USE_PREF_SIZE);
        latest.getStyleClass().addAll("text-bold", "warning");
        status.setId("facilitator-status");
        status.getStyleClass().add("text-muted");
        status.setMinWidth(0);
        events.addListener((ListChangeListener<IncidentEvent>) change -> {
            while (change.next()) {
                for (IncidentEvent event : change.getAddedSubList()) {
                    if (event.kind() == EventKind.INJECT) showInject(event);
                }
            }
        });
        events.stream().filter(e -> e.kind() == EventKind.INJECT).reduce((a, b) -> b).ifPresent(this::showInject);
        root.getChildren().addAll(controls, actions);
        root.setPadding(new Insets(6, 16, 6, 16));
        root.getStyleClass().add("bg-subtle");
        root.setId("facilitator-bar");
    }

    Parent root() {
        return root;
    }

    /** The latest inject, for the players: the incident view shows it above its log. */
    Node latestInject() {
        return latest;
    }

    private void showInject(IncidentEvent event) {
        EventData.Inject inject = (EventData.Inject) event.data();
        latest.setText("Inject " + (inject.at() == null ? "" : inject.at()) + ": " + inject.text());
    }

    /** The exercise clock: the incident's own elapsed time, read in the same tick as the incident screen's clocks. */
    void show(IncidentClocks.Reading reading) {
        clock.setText("T+" + StartView.clock(reading.elapsed()) + (tabletop.clock().paused() ? " (paused)" : ""));
        List<Exercise.Inject> pending = tabletop.pendingInjects();
        next.setText(pending.isEmpty() ? "No scripted inject left" : "Next inject at T+" + Durations.human(pending.getFirst().at()));
    }
}
