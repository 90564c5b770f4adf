package dev.drpilot.ui;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/**
 * Writes the incident's post-mortem (Markdown, HTML, JSON, CSV, or the timeline as a PNG picture;
 * a rehearsal's scorecard; the evidence pack of the test, HTML or JSON) into the export folder, off the FX thread, says where, and opens it.
 */
final class ExportPane {

    private final HBox root = new HBox(12);
    private final Button export = new Button("Export post-mortem");

    ExportPane(ExportModel model) {
        ChoiceBox<String> format = new ChoiceBox<>(FXCollections.observableArrayList(model.formats()));
        format.setId("export-format");
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(String label) {
                return label == null ? "" : ExportModel.shown(label);
            }

            @Override
            public String fromString(String shown) {
                return model.formats().stream()
                        .filter(label -> ExportModel.shown(label).equals(shown))
                        .findFirst()
                        .orElse(null);
            }
        });
        format.valueProperty().bindBidirectional(model.format());
        export.textProperty().bind(Bindings.createStringBinding(model::buttonText, model.format()));
        export.setId("export-button");
        export.disableProperty().bind(model.writing());
        export.setOnAction(e -> model.export());
        Label result = new Label();
        result.setId("export-result");
        result.getStyleClass().add("text-muted");
        result.textProperty().bind(model.result());
        root.getChildren().addAll(new Label("Export:"), format, export, result);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(8, 16, 8, 16));
        root.setId("export-pane");
    }

    Parent root() {
        return root;
    }

    void fire() {
        export.fire();
    }
}
