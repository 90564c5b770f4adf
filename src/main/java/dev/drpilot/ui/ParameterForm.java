package dev.drpilot.ui;

import dev.drpilot.engine.InvalidParametersException;
import dev.drpilot.engine.ParameterValues;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.runbook.Param;
import dev.drpilot.runbook.ParamType;
import dev.drpilot.runbook.Runbook;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The scenario's parameters as typed fields, with defaults and hints, checked before anything is
 * declared or called: a wrong value is refused with the reason, next to nothing having happened.
 */
final class ParameterForm {

    private final VBox root = new VBox(12);
    private final GridPane grid = new GridPane();
    private final Label errors = new Label();
    private final Label title = new Label();
    private final Label targets = new Label();
    private final Button declare = new Button();
    private final Map<String, Supplier<String>> fields = new LinkedHashMap<>();
    private Runbook runbook;

    ParameterForm(BiConsumer<Runbook, Map<String, String>> onDeclare, Runnable onBack) {
        title.setId("parameters-title");
        title.getStyleClass().add("title-3");
        targets.getStyleClass().add("text-muted");
        grid.setHgap(12);
        grid.setVgap(8);
        grid.setId("parameter-grid");
        errors.setId("parameter-errors");
        errors.getStyleClass().add("danger");
        errors.setWrapText(true);
        Button back = new Button("Back");
        back.setId("parameters-back");
        back.setOnAction(e -> onBack.run());
        declare.setId("declare-button");
        declare.getStyleClass().add("accent");
        declare.setDefaultButton(true);
        declare.setOnAction(e -> {
            Map<String, String> values = values();
            try {
                ParameterValues.resolve(runbook, values);
                errors.setText("");
                onDeclare.accept(runbook, values);
            } catch (InvalidParametersException refused) {
                errors.setText("Not declared, nothing was called: " + String.join("; ", refused.problems()));
            }
        });
        HBox buttons = new HBox(12, back, declare);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        root.getChildren().addAll(title, targets, scroll, errors, buttons);
        root.setPadding(new Insets(24));
        root.setId("parameter-form");
    }

    Parent root() {
        return root;
    }

    void show(Runbook chosen, IncidentMode mode) {
        runbook = chosen;
        title.setText(chosen.title());
        targets.setText("RTO " + chosen.targets().rto().label() + "  ·  RPO " + chosen.targets().rpo().label()
                + (chosen.summary() == null ? "" : "\n" + chosen.summary().strip()));
        declare.setText(mode == IncidentMode.REHEARSAL ? "Start rehearsal" : "Declare incident");
        errors.setText("");
        fields.clear();
        grid.getChildren().clear();
        int row = 0;
        for (Param param : chosen.params()) {
            Label name = new Label(param.name() + (param.required() && param.defaultValue() == null ? " *" : ""));
            Node field = field(param);
            Label hint = new Label(hint(param));
            hint.getStyleClass().add("text-muted");
            grid.addRow(row++, name, field, hint);
        }
        if (chosen.params().isEmpty()) grid.addRow(0, new Label("This scenario takes no parameters."));
    }

    private Node field(Param param) {
        String id = "param-" + param.name();
        if (param.type() == ParamType.BOOLEAN) {
            CheckBox box = new CheckBox();
            box.setId(id);
            box.setSelected(Boolean.parseBoolean(param.defaultValue()));
            fields.put(param.name(), () -> Boolean.toString(box.isSelected()));
            return box;
        }
        if (param.type() == ParamType.ENUM) {
            ChoiceBox<String> choice = new ChoiceBox<>(FXCollections.observableArrayList(param.values()));
            choice.setId(id);
            choice.setValue(param.defaultValue());
            fields.put(param.name(), choice::getValue);
            return choice;
        }
        TextField text = param.sensitive() ? new PasswordField() : new TextField();
        text.setId(id);
        text.setPrefColumnCount(32);
        if (param.defaultValue() != null && !param.sensitive()) text.setText(param.defaultValue());
        text.setPromptText(param.type() == ParamType.INSTANT ? "UTC, such as 2024-01-15T10:25:00Z" : param.type().name().toLowerCase(java.util.Locale.ROOT));
        fields.put(param.name(), text::getText);
        return text;
    }

    private static String hint(Param param) {
        StringBuilder hint = new StringBuilder(param.hint() == null ? "" : param.hint());
        if (param.min() != null || param.max() != null) {
            hint.append(hint.isEmpty() ? "" : "; ").append(param.min() == null ? "" : "at least " + param.min())
                    .append(param.min() != null && param.max() != null ? ", " : "").append(param.max() == null ? "" : "at most " + param.max());
        }
        return hint.toString();
    }

    private Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            String v = value.get();
            if (v != null && !v.isBlank()) values.put(name, v.strip());
        });
        return values;
    }
}
