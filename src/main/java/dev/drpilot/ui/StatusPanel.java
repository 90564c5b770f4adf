package dev.drpilot.ui;

import javafx.beans.property.SimpleStringProperty;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The live status panel: every resource the scenario touches in one virtualised table (thousands
 * of pods scroll smoothly), what is not healthy in red, stale rows in grey, and a filter to the
 * unhealthy ones.
 */
final class StatusPanel {

    private final VBox root = new VBox(8);

    StatusPanel(LiveStatus status) {
        Label summary = new Label();
        summary.setId("status-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(status.summary());
        CheckBox onlyUnhealthy = new CheckBox("Only what is not healthy");
        onlyUnhealthy.setId("status-unhealthy-only");
        FilteredList<LiveStatus.Row> shown = new FilteredList<>(status.rows());
        onlyUnhealthy.selectedProperty().addListener((o, was, now) -> shown.setPredicate(now ? r -> !r.status().healthy() : null));
        TableView<LiveStatus.Row> table = new TableView<>(shown);
        table.setId("status-table");
        table.setPlaceholder(new Label("Nothing read yet"));
        table.getColumns().setAll(java.util.List.of(
                column("Kind", r -> r.status().kind(), 110),
                column("Name", r -> r.status().name(), 260),
                column("Status", r -> r.status().status() + (r.stale() ? " (stale)" : ""), 150),
                column("Detail", r -> r.status().detail(), 320)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(LiveStatus.Row row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) setStyle("");
                else if (row.stale()) setStyle("-color-fg-default: -color-fg-muted; -fx-font-style: italic;");
                else if (!row.status().healthy()) setStyle("-color-fg-default: -color-danger-fg;");
                else setStyle("");
            }
        });
        table.setFixedCellSize(28);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(summary, onlyUnhealthy, table);
        root.setPadding(new Insets(8));
        root.setId("status-panel");
    }

    Parent root() {
        return root;
    }

    private static TableColumn<LiveStatus.Row, String> column(String title, java.util.function.Function<LiveStatus.Row, String> value, double width) {
        TableColumn<LiveStatus.Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
