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
import javafx.scene.control.ComboBox;
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
    private final ParameterSuggestions suggestions;
    private Runbook runbook;

    ParameterForm(BiConsumer<Runbook, Map<String, String>> onDeclare, Runnable onBack, ParameterSuggestions suggestions) {
        this.suggestions = suggestions;
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
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
        values.setHgrow(javafx.scene.layout.Priority.SOMETIMES);
        grid.getColumnConstraints().setAll(names, values);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
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
        if (param.type() == ParamType.AWS_REGION || param.type() == ParamType.K8S_NAMESPACE) return offered(param, id);
        if (param.type() == ParamType.INSTANT) return instant(param, id);
        TextField text = param.sensitive() ? new PasswordField() : new TextField();
        text.setId(id);
        text.setPrefColumnCount(32);
        if (param.defaultValue() != null && !param.sensitive()) text.setText(param.defaultValue());
        text.setPromptText(param.type() == ParamType.INSTANT ? "UTC, such as 2024-01-15T10:25:00Z" : param.type().name().toLowerCase(java.util.Locale.ROOT));
        fields.put(param.name(), text::getText);
        return text;
    }

    /** A region or namespace: typed, or chosen from what the operator's account or cluster has. */
    private Node offered(Param param, String id) {
        ComboBox<String> combo = new ComboBox<>();
        combo.setId(id);
        combo.setEditable(true);
        combo.setPrefWidth(320);
        if (param.defaultValue() != null) combo.getEditor().setText(param.defaultValue());
        combo.setPromptText(param.type() == ParamType.AWS_REGION ? "us-west-2" : "druid");
        fields.put(param.name(), () -> combo.getEditor().getText());
        Background.run(() -> {
            try {
                return param.type() == ParamType.AWS_REGION ? suggestions.regions() : suggestions.namespaces();
            } catch (dev.drpilot.action.ActionException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, offered -> {
            String typed = combo.getEditor().getText();
            combo.getItems().setAll(offered);
            combo.getEditor().setText(typed);
        }, unreadable -> combo.setPromptText("type it (could not list: " + unreadable + ")"));
        return combo;
    }

    /**
     * A time in UTC: typed (read back as it will be understood), or set to five minutes ago; and,
     * on request, the span the restore can reach, read from the account.
     */
    private Node instant(Param param, String id) {
        TextField text = new TextField();
        text.setId(id);
        text.setPrefColumnCount(24);
        text.setPromptText("UTC, such as 2024-01-15T10:25:00Z");
        if (param.defaultValue() != null) text.setText(param.defaultValue());
        fields.put(param.name(), text::getText);
        Label understood = new Label();
        understood.setId(id + "-understood");
        understood.getStyleClass().add("text-muted");
        text.textProperty().addListener((o, was, now) -> understood.setText(readBack(now)));
        Button fiveMinutesAgo = new Button("5 min ago");
        fiveMinutesAgo.setId(id + "-minus5");
        fiveMinutesAgo.setOnAction(e -> text.setText(java.time.Instant.now().minus(java.time.Duration.ofMinutes(5))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()));
        Label window = new Label();
        window.setId(id + "-window-text");
        window.setWrapText(true);
        Button check = new Button("Restorable window");
        check.setId(id + "-window");
        check.setOnAction(e -> {
            window.setText("Asking AWS...");
            Map<String, String> now = values();
            Background.run(() -> {
                try {
                    return suggestions.restorableWindow(runbook, now).orElse("This scenario restores nothing to a point in time");
                } catch (dev.drpilot.action.ActionException failure) {
                    throw new IllegalStateException(failure.getMessage(), failure);
                }
            }, window::setText, problem -> window.setText("Cannot read the window: " + problem));
        });
        HBox line = new HBox(8, text, fiveMinutesAgo, check);
        line.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, line, understood, window);
    }

    /** How a typed time will be read: the UTC time and how long ago, or what is wrong with it. */
    static String readBack(String typed) {
        return readBack(typed, java.time.Instant.now());
    }

    /** The same, counting "ago" from {@code now} (a rehearsal's own clock). */
    static String readBack(String typed, java.time.Instant now) {
        if (typed == null || typed.isBlank()) return "";
        try {
            java.time.Instant at = java.time.Instant.parse(typed.strip());
            java.time.Duration ago = java.time.Duration.between(at, now);
            return java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm:ss 'UTC'", java.util.Locale.ENGLISH)
                    .withZone(java.time.ZoneOffset.UTC).format(at)
                    + (ago.isNegative() ? ", in the future" : ", " + dev.drpilot.runbook.Durations.human(ago) + " ago");
        } catch (java.time.format.DateTimeParseException e) {
            return "not a UTC time yet: write 2024-01-15T10:25:00Z";
        }
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
