package dev.drpilot.ui;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Readiness screen: the guide's targets measured from the account, their trend, and "Check now".
 * A figure or a fix too long for its cell reads whole in its tooltip; Ctrl+C copies the selected row as text.
 */
final class ReadinessView {

    private static final KeyCodeCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final VBox root = new VBox(12);

    ReadinessView(ReadinessModel model, Runnable onBack) {
        Label title = new Label("Readiness: the RPO you could reach right now");
        title.getStyleClass().add("title-3");
        Label last = new Label();
        last.setId("readiness-last-check");
        last.textProperty().bind(model.lastCheck());
        last.setWrapText(true);
        Label problem = new Label();
        problem.setId("readiness-problem");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.setPadding(new Insets(12));
        problem.getStyleClass().add("bg-danger-subtle");
        problem.textProperty().bind(model.problem());
        problem.visibleProperty().bind(model.problem().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Button check = new Button("Check now");
        check.setId("readiness-check-now");
        check.getStyleClass().add("accent");
        check.setOnAction(e -> model.checkNow());
        check.disableProperty().bind(model.checking());
        Button back = new Button("Back to incidents");
        back.setId("readiness-back");
        back.setOnAction(e -> onBack.run());
        HBox actions = new HBox(12, check, back);
        actions.setAlignment(Pos.CENTER_LEFT);

        TableView<ReadinessModel.Row> table = new TableView<>(model.rows());
        table.setId("readiness-rows");
        table.setPlaceholder(new Label("No readiness run kept in the log yet"));
        table.getColumns()
                .setAll(List.of(
                        column("Verdict", ReadinessModel.Row::verdict, 80),
                        column("Target (DR guide)", ReadinessModel.Row::name, 260),
                        withTooltips(column("Measured", ReadinessModel.Row::figure, 220)),
                        column("Goal", ReadinessModel.Row::target, 130),
                        withTooltips(column("What to fix, or why unknown", ReadinessModel.Row::fix, 260)),
                        column("Since", ReadinessModel.Row::since, 170)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(ReadinessModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                setStyle(
                        empty || row == null || !row.verdict().equals("breached")
                                ? ""
                                : "-fx-background-color: -color-danger-subtle;");
            }
        });
        table.setOnKeyPressed(e -> {
            ReadinessModel.Row selected = table.getSelectionModel().getSelectedItem();
            if (COPY.match(e) && selected != null) {
                ClipboardContent content = new ClipboardContent();
                content.putString(selected.asText());
                Clipboard.getSystemClipboard().setContent(content);
                e.consume();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        Label historyTitle = new Label("Runs kept in the log");
        historyTitle.getStyleClass().add("title-4");
        ListView<String> history = new ListView<>(model.history());
        history.setId("readiness-history");
        history.setPrefHeight(110);
        root.getChildren().addAll(title, last, problem, actions, table, historyTitle, history);
        root.setPadding(new Insets(24));
        root.setId("readiness-view");
    }

    Parent root() {
        return root;
    }

    /** A long cell (a figure, what to fix) cut to its column's width: its whole text in a tooltip. */
    private static TableColumn<ReadinessModel.Row, String> withTooltips(
            TableColumn<ReadinessModel.Row, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                boolean none = empty || text == null || text.isBlank();
                setText(none ? null : text);
                setTooltip(none ? null : wrapped(text));
            }
        });
        return column;
    }

    private static Tooltip wrapped(String text) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        return tip;
    }

    private static TableColumn<ReadinessModel.Row, String> column(
            String title, Function<ReadinessModel.Row, String> value, double width) {
        TableColumn<ReadinessModel.Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
