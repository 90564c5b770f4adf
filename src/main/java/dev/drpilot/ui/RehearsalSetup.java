package dev.drpilot.ui;

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

    private final VBox root = new VBox(14);

    RehearsalSetup(RehearsalSetupModel model, Runnable onBack) {
        Label title = new Label(model.title());
        title.setId("exercise-title");
        title.getStyleClass().add("title-2");
        Label about = new Label(model.about());
        about.getStyleClass().add("text-muted");
        Label heading = new Label("The situation");
        heading.getStyleClass().add("title-4");
        Label situation = new Label(model.situation());
        situation.setId("exercise-situation");
        situation.setWrapText(true);
        situation.setMaxWidth(820);
        Label how = new Label(model.how());
        how.setWrapText(true);
        how.setMaxWidth(820);
        how.getStyleClass().add("text-muted");
        ChoiceBox<Integer> speed = new ChoiceBox<>(FXCollections.observableArrayList(RehearsalSetupModel.SPEEDS));
        speed.setId("setup-speed");
        speed.valueProperty().bindBidirectional(model.speed());
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return RehearsalSetupModel.speedLabel(value);
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
        start.disableProperty().bind(model.started());
        start.setOnAction(e -> model.start());
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
