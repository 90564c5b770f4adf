package dev.drpilot.ui;

import javafx.beans.property.SimpleStringProperty;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
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
 * unhealthy ones. A row's colour is a pseudo-class, so a row that scrolls onto another resource of
 * the same health is not styled again; a sort by a column keeps through the rounds.
 */
final class StatusPanel {

    private static final PseudoClass UNHEALTHY = PseudoClass.getPseudoClass("unhealthy");
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final VBox root = new VBox(8);

    StatusPanel(LiveStatus status) {
        Label summary = new Label();
        summary.setId("status-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(status.summary());
        CheckBox onlyUnhealthy = new CheckBox("Only what is not healthy");
        onlyUnhealthy.setId("status-unhealthy-only");
        FilteredList<LiveStatus.Row> shown = new FilteredList<>(status.rows());
        onlyUnhealthy
                .selectedProperty()
                .addListener((o, was, now) ->
                        shown.setPredicate(now ? r -> !r.status().healthy() : null));
        SortedList<LiveStatus.Row> sorted = new SortedList<>(shown);
        TableView<LiveStatus.Row> table = new TableView<>(sorted);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setId("status-table");
        table.setPlaceholder(new Label("Nothing read yet"));
        table.getColumns()
                .setAll(java.util.List.of(
                        column("Kind", r -> r.status().kind(), 110),
                        column("Name", r -> r.status().name(), 260),
                        column("Status", r -> r.status().status() + (r.stale() ? " (stale)" : ""), 150),
                        column("Detail", r -> r.status().detail(), 320)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(LiveStatus.Row row, boolean empty) {
                super.updateItem(row, empty);
                boolean stale = !empty && row != null && row.stale();
                pseudoClassStateChanged(STALE, stale);
                pseudoClassStateChanged(
                        UNHEALTHY,
                        !stale && !empty && row != null && !row.status().healthy());
            }
        });
        table.setFixedCellSize(28);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(summary, onlyUnhealthy, table);
        root.setPadding(new Insets(8));
        root.setId("status-panel");
        root.getStylesheets()
                .add(StatusPanel.class.getResource("status-panel.css").toExternalForm());
    }

    Parent root() {
        return root;
    }

    private static TableColumn<LiveStatus.Row, String> column(
            String title, java.util.function.Function<LiveStatus.Row, String> value, double width) {
        TableColumn<LiveStatus.Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
