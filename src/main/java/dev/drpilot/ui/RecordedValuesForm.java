package dev.drpilot.ui;

import dev.drpilot.runbook.Param;
import dev.drpilot.runbook.ParamType;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The values a manual step records (the time of the first error, a count...), one typed field
 * each: a time is read back in UTC with how long ago, as in the wizard; each value is checked as
 * it is typed, with the same rule the engine applies, and the step is done only when all pass.
 */
final class RecordedValuesForm {

    private final GridPane grid = new GridPane();
    private final Map<String, Supplier<String>> fields = new LinkedHashMap<>();
    private final Map<String, Label> problems = new LinkedHashMap<>();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final Clock clock;
    private List<Param> records = List.of();

    /** @param clock the incident's clock: a rehearsal's "now" is its own */
    RecordedValuesForm(Clock clock) {
        this.clock = clock;
        grid.setId("recorded-values");
        grid.setHgap(8);
        grid.setVgap(4);
    }

    Node root() {
        return grid;
    }

    /** Whether every value passes its check (true when the step records nothing). */
    ReadOnlyBooleanProperty valid() {
        return valid.getReadOnlyProperty();
    }

    /** Shows the fields of these records, empty; the same records keep what was typed. */
    void show(List<Param> shown) {
        if (shown.equals(records)) return;
        records = List.copyOf(shown);
        grid.getChildren().clear();
        fields.clear();
        problems.clear();
        int row = 0;
        for (Param record : records) {
            Label name = new Label(record.name() + (record.required() ? " *" : ""));
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label problem = new Label();
            problem.setWrapText(true);
            problem.setMinWidth(0);
            problem.setId("record-" + record.name() + "-problem");
            problem.getStyleClass().add("text-muted");
            problems.put(record.name(), problem);
            grid.addRow(row++, name, field(record, problem), problem);
        }
        grid.setVisible(!records.isEmpty());
        grid.setManaged(!records.isEmpty());
        check();
    }

    /** The values typed, by name; blank ones left out. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            String v = value.get();
            if (v != null && !v.isBlank()) values.put(name, v.strip());
        });
        return values;
    }

    private Node field(Param record, Label problem) {
        String id = "record-" + record.name();
        if (record.type() == ParamType.BOOLEAN) {
            CheckBox box = new CheckBox();
            box.setId(id);
            fields.put(record.name(), () -> Boolean.toString(box.isSelected()));
            return box;
        }
        if (record.type() == ParamType.ENUM) {
            ChoiceBox<String> choice = new ChoiceBox<>(FXCollections.observableArrayList(record.values()));
            choice.setId(id);
            choice.valueProperty().addListener((o, was, now) -> check());
            fields.put(record.name(), choice::getValue);
            return choice;
        }
        TextField text = new TextField();
        text.setId(id);
        text.setPrefColumnCount(record.type() == ParamType.INSTANT ? 18 : 14);
        text.setPromptText(
                record.type() == ParamType.INSTANT
                        ? "UTC, such as 2024-01-15T10:25:00Z"
                        : record.hint() != null
                                ? record.hint()
                                : record.type().name().toLowerCase(java.util.Locale.ROOT));
        text.textProperty().addListener((o, was, now) -> check());
        fields.put(record.name(), text::getText);
        if (record.type() != ParamType.INSTANT) return text;
        Button now = new Button("Now");
        now.setId(id + "-now");
        now.setMinWidth(Region.USE_PREF_SIZE);
        now.setOnAction(e ->
                text.setText(clock.instant().truncatedTo(ChronoUnit.SECONDS).toString()));
        HBox line = new HBox(8, text, now);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    /** Each value against its rule; an instant also read back as it will be understood. */
    private void check() {
        boolean all = true;
        for (Param record : records) {
            String value = fields.get(record.name()).get();
            String problem = record.check(value == null ? null : value.strip());
            Label label = problems.get(record.name());
            label.getStyleClass().removeAll("danger", "text-muted");
            boolean typed = value != null && !value.isBlank();
            if (problem != null && typed) {
                label.setText(problem);
                label.getStyleClass().add("danger");
            } else {
                label.setText(
                        record.type() == ParamType.INSTANT && typed
                                ? ParameterFormModel.readBack(value, clock.instant())
                                : record.hint() == null ? "" : record.hint());
                label.getStyleClass().add("text-muted");
            }
            all &= problem == null;
        }
        valid.set(all);
    }
}
