package dev.drpilot.ui;

import dev.drpilot.runbook.Runbook;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Picks the scenario: by architecture and by symptom, searched as the operator types; each with its RTO and RPO. */
final class ScenarioPicker {

    private final VBox root = new VBox(12);
    private final TextField search = new TextField();

    ScenarioPicker(ScenarioPickerModel model, Runnable onBack) {
        Label title = new Label(model.heading());
        title.setId("picker-title");
        title.getStyleClass().add("title-3");
        search.setId("scenario-search");
        search.setPromptText("Search by symptom or name: pod, NotReady, corruption, deleted, region...");
        search.textProperty().bindBidirectional(model.search());
        HBox.setHgrow(search, Priority.ALWAYS);
        ChoiceBox<String> architecture =
                new ChoiceBox<>(FXCollections.observableArrayList(ScenarioPickerModel.ARCHITECTURES));
        architecture.setId("architecture-filter");
        architecture.valueProperty().bindBidirectional(model.architecture());
        ListView<Runbook> list = new ListView<>(model.shown());
        list.setId("scenario-list");
        list.setCellFactory(v -> new ScenarioCell());
        list.getSelectionModel().select(model.selected().get());
        model.selected().addListener((o, was, now) -> {
            if (now != list.getSelectionModel().getSelectedItem())
                list.getSelectionModel().select(now);
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) model.selected().set(now);
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Button back = new Button("Back");
        back.setId("picker-back");
        back.setOnAction(e -> onBack.run());
        Button next = new Button("Next: parameters");
        next.setId("scenario-next");
        next.getStyleClass().add("accent");
        next.setDefaultButton(true);
        next.disableProperty().bind(model.selected().isNull());
        next.setOnAction(e -> model.pick());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) model.pick();
        });
        HBox filters = new HBox(12, search, architecture);
        HBox buttons = new HBox(12, back, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        root.getChildren().addAll(title, filters, list, buttons);
        root.setPadding(new Insets(24));
        root.setId("scenario-picker");
    }

    Parent root() {
        return root;
    }

    /** Puts the cursor in the search field. */
    void focusSearch() {
        search.requestFocus();
    }

    /** A scenario: its title, its targets, and the symptoms that point at it. */
    private static final class ScenarioCell extends ListCell<Runbook> {
        @Override
        protected void updateItem(Runbook r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(r.title());
            name.getStyleClass().add("text-bold");
            Label targets = new Label(ScenarioPickerModel.targets(r));
            targets.getStyleClass().add("text-muted");
            Label symptoms = new Label(ScenarioPickerModel.symptoms(r));
            symptoms.getStyleClass().add("text-small");
            setText(null);
            setGraphic(new VBox(2, name, targets, symptoms));
        }
    }
}
