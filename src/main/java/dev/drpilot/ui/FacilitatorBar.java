package dev.drpilot.ui;

import java.util.List;
import javafx.collections.FXCollections;
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
import javafx.util.StringConverter;

/**
 * The facilitator's controls over a tabletop, above the incident view: the exercise clock and its
 * speed, pause, the next inject (deliver it now), an inject made up on the spot, and a step to
 * fail. The latest inject stands out for the players, above the log it is written in.
 */
final class FacilitatorBar {

    private final FacilitatorModel model;
    private final VBox root = new VBox(6);
    private final Label latest = new Label();

    FacilitatorBar(FacilitatorModel model) {
        this.model = model;
        Label clock = new Label();
        clock.setId("exercise-clock");
        clock.getStyleClass().add("title-4");
        clock.textProperty().bind(model.clock());
        ChoiceBox<Integer> speed = new ChoiceBox<>(FXCollections.observableArrayList(FacilitatorModel.SPEEDS));
        speed.setId("rehearsal-speed");
        speed.valueProperty().bindBidirectional(model.speed());
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value + "x";
            }

            @Override
            public Integer fromString(String text) {
                return Integer.valueOf(text.replace("x", ""));
            }
        });
        ToggleButton pause = new ToggleButton();
        pause.setId("rehearsal-pause");
        pause.selectedProperty().bindBidirectional(model.paused());
        pause.textProperty().bind(model.paused().map(paused -> paused ? "Resume" : "Pause"));
        Label next = new Label();
        next.setId("next-inject");
        next.textProperty().bind(model.next());
        Button fire = new Button("Deliver it now");
        fire.setId("fire-inject");
        fire.setOnAction(e -> model.deliverNextInject());
        Label status = new Label();
        status.setId("facilitator-status");
        status.getStyleClass().add("text-muted");
        status.setMinWidth(0);
        status.textProperty().bind(model.status());
        HBox controls =
                new HBox(10, new Label("Facilitator"), clock, new Label("Speed"), speed, pause, next, fire, status);
        controls.setAlignment(Pos.CENTER_LEFT);
        for (Region whole : List.<Region>of(clock, pause, next, fire)) whole.setMinWidth(Region.USE_PREF_SIZE);

        TextField inject = new TextField();
        inject.setId("inject-text");
        inject.setPromptText("An inject on the spot: what the players learn now");
        inject.textProperty().bindBidirectional(model.inject());
        HBox.setHgrow(inject, Priority.ALWAYS);
        Button add = new Button("Add inject");
        add.setId("add-inject");
        add.setOnAction(e -> model.addInject());
        inject.setOnAction(e -> add.fire());
        ChoiceBox<String> failChoice = new ChoiceBox<>(FXCollections.observableArrayList(model.failable()));
        failChoice.setId("fail-step-choice");
        failChoice.valueProperty().bindBidirectional(model.stepToFail());
        Button fail = new Button("Fail its next attempt");
        fail.setId("fail-step");
        fail.setOnAction(e -> model.failStep());
        HBox actions = new HBox(10, inject, add, new Label("Step"), failChoice, fail);
        actions.setAlignment(Pos.CENTER_LEFT);
        inject.setMinWidth(140);
        for (Region whole : List.<Region>of(add, fail)) whole.setMinWidth(Region.USE_PREF_SIZE);

        latest.setId("latest-inject");
        latest.setWrapText(true);
        latest.setMinHeight(Region.USE_PREF_SIZE);
        latest.getStyleClass().addAll("text-bold", "warning");
        latest.textProperty().bind(model.latest());
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

    FacilitatorModel model() {
        return model;
    }
}
