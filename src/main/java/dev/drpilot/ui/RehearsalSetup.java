package dev.drpilot.ui;

import dev.drpilot.rehearsal.Exercise;
import dev.drpilot.rehearsal.RehearsalClock;
import dev.drpilot.runbook.Runbook;
import java.util.function.BiConsumer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Before a tabletop: the exercise's situation as the players will hear it, and how fast its clock runs. */
final class RehearsalSetup {

    static final int DEFAULT_SPEED = 30;

    private final VBox root = new VBox(14);

    RehearsalSetup(Exercise exercise, Runbook runbook, BiConsumer<Exercise, Integer> onStart, Runnable onBack) {
        Label title = new Label("Tabletop rehearsal: " + exercise.title());
        title.setId("exercise-title");
        title.getStyleClass().add("title-2");
        Label about = new Label(runbook.title() + "  ·  RTO target " + runbook.targets().rto().label() + "  ·  RPO target "
                + runbook.targets().rpo().label());
        about.getStyleClass().add("text-muted");
        Label heading = new Label("The situation");
        heading.getStyleClass().add("title-4");
        Label situation = new Label(exercise.situation());
        situation.setId("exercise-situation");
        situation.setWrapText(true);
        situation.setMaxWidth(820);
        Label how = new Label(exercise.injects().size() + " injects are scripted. Every step is played by the exercise's script:"
                + " nothing is called in AWS or Kubernetes. The facilitator can pause, change the speed, deliver an inject early,"
                + " add one, or fail a step.");
        how.setWrapText(true);
        how.setMaxWidth(820);
        how.getStyleClass().add("text-muted");
        ChoiceBox<Integer> speed = new ChoiceBox<>(FXCollections.observableArrayList(1, 5, 10, 30, RehearsalClock.MAX_SPEED));
        speed.setId("setup-speed");
        speed.setValue(DEFAULT_SPEED);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value == 1 ? "real time" : value + "x faster";
            }

            @Override
            public Integer fromString(String text) {
                return Integer.valueOf(text.replaceAll("\\D", ""));
            }
        });
        Button start = new Button("Start rehearsal");
        start.setId("start-tabletop");
        start.getStyleClass().add("accent");
        start.setDefaultButton(true);
        start.setOnAction(e -> {
            start.setDisable(true);
            onStart.accept(exercise, speed.getValue());
        });
        Button back = new Button("Back");
        back.setId("setup-back");
        back.setOnAction(e -> onBack.run());
        HBox clock = new HBox(10, new Label("Clock:"), speed);
        clock.setAlignment(Pos.CENTER_LEFT);
        HBox buttons = new HBox(12, start, back);
        root.getChildren().addAll(title, about, heading, situation, how, clock, buttons);
        root.setPadding(new Insets(24));
        root.setId("rehearsal-setup");
    }

    Parent root() {
        return root;
    }
}
