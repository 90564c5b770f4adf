package dev.drpilot.ui;

import dev.drpilot.runbook.Param;
import dev.drpilot.runbook.ParamType;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The scenario's parameters as typed fields, with defaults and hints, checked before anything is
 * declared or called: a wrong value is refused with the reason, next to nothing having happened.
 */
final class ParameterForm {

    private final VBox root = new VBox(12);
    private final ParameterFormModel model;

    ParameterForm(ParameterFormModel model, Runnable onBack) {
        this.model = model;
        Label title = new Label(model.title());
        title.setId("parameters-title");
        title.getStyleClass().add("title-3");
        Label targets = new Label(model.targets());
        targets.getStyleClass().add("text-muted");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.setId("parameter-grid");
        Label errors = new Label();
        errors.setId("parameter-errors");
        errors.getStyleClass().add("danger");
        errors.setWrapText(true);
        errors.textProperty().bind(model.errors());
        Button back = new Button("Back");
        back.setId("parameters-back");
        back.setOnAction(e -> onBack.run());
        Button declare = new Button(model.declareLabel());
        declare.setId("declare-button");
        declare.getStyleClass().add("accent");
        declare.setDefaultButton(true);
        declare.setOnAction(e -> model.declare());
        HBox buttons = new HBox(12, back, declare);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.SOMETIMES);
        grid.getColumnConstraints().setAll(names, values);
        int row = 0;
        for (ParameterFormModel.Field field : model.fields()) {
            Label hint = new Label(ParameterFormModel.hint(field.param()));
            hint.getStyleClass().add("text-muted");
            grid.addRow(row++, new Label(ParameterFormModel.label(field.param())), control(field), hint);
        }
        if (model.fields().isEmpty()) grid.addRow(0, new Label("This scenario takes no parameters."));
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getChildren().addAll(title, targets, scroll, errors, buttons);
        root.setPadding(new Insets(24));
        root.setId("parameter-form");
    }

    Parent root() {
        return root;
    }

    private Node control(ParameterFormModel.Field field) {
        Param param = field.param();
        String id = "param-" + param.name();
        if (param.type() == ParamType.BOOLEAN) {
            CheckBox box = new CheckBox();
            box.setId(id);
            box.setSelected(Boolean.parseBoolean(field.value().get()));
            box.selectedProperty().addListener((o, was, now) -> field.value().set(Boolean.toString(now)));
            return box;
        }
        if (param.type() == ParamType.ENUM) {
            ChoiceBox<String> choice = new ChoiceBox<>(FXCollections.observableArrayList(param.values()));
            choice.setId(id);
            choice.valueProperty().bindBidirectional(field.value());
            return choice;
        }
        if (ParameterFormModel.offersChoices(param)) return offered(field, id);
        if (param.type() == ParamType.INSTANT) return instant(field, id);
        TextField text = param.sensitive() ? new PasswordField() : new TextField();
        text.setId(id);
        text.setPrefColumnCount(32);
        text.setPromptText(param.type().name().toLowerCase(Locale.ROOT));
        text.textProperty().bindBidirectional(field.value());
        return text;
    }

    /** A region or namespace: typed, or chosen from what the operator's account or cluster has; what was typed stays. */
    private Node offered(ParameterFormModel.Field field, String id) {
        ComboBox<String> combo = new ComboBox<>();
        combo.setId(id);
        combo.setEditable(true);
        combo.setPrefWidth(320);
        combo.getEditor().textProperty().bindBidirectional(field.value());
        String example = field.param().type() == ParamType.AWS_REGION ? "us-west-2" : "druid";
        combo.promptTextProperty().bind(field.note().map(note -> note.isEmpty() ? example : note));
        combo.getItems().setAll(field.offered());
        field.offered().addListener((ListChangeListener<String>) change -> {
            String typed = combo.getEditor().getText();
            combo.getItems().setAll(field.offered());
            combo.getEditor().setText(typed);
        });
        return combo;
    }

    /**
     * A time in UTC: typed (read back as it will be understood), or set to five minutes ago; and,
     * on request, the span the restore can reach, read from the account.
     */
    private Node instant(ParameterFormModel.Field field, String id) {
        TextField text = new TextField();
        text.setId(id);
        text.setPrefColumnCount(24);
        text.setPromptText("UTC, such as 2024-01-15T10:25:00Z");
        text.textProperty().bindBidirectional(field.value());
        Label understood = new Label();
        understood.setId(id + "-understood");
        understood.getStyleClass().add("text-muted");
        understood.textProperty().bind(field.note());
        Button fiveMinutesAgo = new Button("5 min ago");
        fiveMinutesAgo.setId(id + "-minus5");
        fiveMinutesAgo.setOnAction(e -> model.fiveMinutesAgo(field));
        Label window = new Label();
        window.setId(id + "-window-text");
        window.setWrapText(true);
        window.textProperty().bind(field.window());
        Button check = new Button("Restorable window");
        check.setId(id + "-window");
        check.setOnAction(e -> model.checkRestorableWindow(field));
        HBox line = new HBox(8, text, fiveMinutesAgo, check);
        line.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, line, understood, window);
    }
}
