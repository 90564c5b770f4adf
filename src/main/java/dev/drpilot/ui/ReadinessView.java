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
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Readiness screen: the guide's targets measured from the account, their trend, and "Check now". */
final class ReadinessView {

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
                        column("Measured", ReadinessModel.Row::figure, 220),
                        column("Goal", ReadinessModel.Row::target, 130),
                        column("What to fix, or why unknown", ReadinessModel.Row::fix, 260),
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

    private static TableColumn<ReadinessModel.Row, String> column(
            String title, Function<ReadinessModel.Row, String> value, double width) {
        TableColumn<ReadinessModel.Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
