package dev.drpilot.ui;

import dev.drpilot.runbook.Architecture;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookKind;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
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

    private static final String ALL = "All architectures";

    private final VBox root = new VBox(12);
    private final TextField search = new TextField();
    private final ChoiceBox<String> architecture = new ChoiceBox<>(FXCollections.observableArrayList(ALL, "Druid", "WebApp"));
    private final ListView<Runbook> list = new ListView<>();
    private FilteredList<Runbook> shown;

    ScenarioPicker(String heading, Consumer<Runbook> onPick, Runnable onBack) {
        Label title = new Label(heading);
        title.setId("picker-title");
        title.getStyleClass().add("title-3");
        search.setId("scenario-search");
        search.setPromptText("Search by symptom or name: pod, NotReady, corruption, deleted, region...");
        HBox.setHgrow(search, Priority.ALWAYS);
        architecture.setId("architecture-filter");
        architecture.setValue(ALL);
        list.setId("scenario-list");
        list.setCellFactory(v -> new ScenarioCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        Button back = new Button("Back");
        back.setId("picker-back");
        back.setOnAction(e -> onBack.run());
        Button next = new Button("Next: parameters");
        next.setId("scenario-next");
        next.getStyleClass().add("accent");
        next.setDefaultButton(true);
        next.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        next.setOnAction(e -> onPick.accept(list.getSelectionModel().getSelectedItem()));
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) onPick.accept(list.getSelectionModel().getSelectedItem());
        });
        search.textProperty().addListener((o, was, now) -> filter());
        architecture.valueProperty().addListener((o, was, now) -> filter());
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

    void show(List<Runbook> runbooks) {
        shown = new FilteredList<>(FXCollections.observableArrayList(runbooks.stream()
                .filter(r -> r.kind() == RunbookKind.RECOVERY || r.kind() == RunbookKind.DRILL || r.kind() == RunbookKind.CHECKLIST)
                .sorted(Comparator.comparing((Runbook r) -> r.kind() != RunbookKind.RECOVERY).thenComparing(Runbook::title)).toList()));
        list.setItems(shown);
        filter();
        search.requestFocus();
    }

    private void filter() {
        if (shown == null) return;
        String words = search.getText() == null ? "" : search.getText().toLowerCase(Locale.ROOT).strip();
        String arch = architecture.getValue();
        shown.setPredicate(r -> (ALL.equals(arch) || r.architecture() == Architecture.BOTH || r.architecture().name().equalsIgnoreCase(arch))
                && (words.isEmpty() || haystack(r).contains(words)));
        if (!shown.isEmpty()) list.getSelectionModel().select(0);
    }

    private static String haystack(Runbook r) {
        return (r.id() + " " + r.title() + " " + String.join(" ", r.symptoms()) + " " + (r.summary() == null ? "" : r.summary())).toLowerCase(Locale.ROOT);
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
            Label targets = new Label("RTO " + r.targets().rto().label() + "  ·  RPO " + r.targets().rpo().label() + "  ·  " + r.architecture().name().toLowerCase(Locale.ROOT));
            targets.getStyleClass().add("text-muted");
            Label symptoms = new Label(r.symptoms().isEmpty() ? "" : "Symptoms: " + String.join("; ", r.symptoms()));
            symptoms.getStyleClass().add("text-small");
            setText(null);
            setGraphic(new VBox(2, name, targets, symptoms));
        }
    }
}
