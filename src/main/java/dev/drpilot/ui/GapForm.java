package dev.drpilot.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Record a gap", over the incident's screen: the gap, its owner, the due day (a date picker, or
 * typed as YYYY-MM-DD), the remediation; what is wrong in words under them; Record (Record anyway
 * when the due day is past) and Cancel.
 */
final class GapForm {

    static final String ID = "gap-form";

    private final VBox root = new VBox(12);

    GapForm(GapFormModel model, Runnable onDone) {
        Label heading = new Label("Record a gap");
        heading.getStyleClass().add("title-3");
        Label why =
                new Label("What the test found missing or not working, who answers for its remediation, and by when."
                        + " The evidence pack lists it, overdue once its day has passed.");
        why.setWrapText(true);
        why.getStyleClass().add("text-muted");

        TextArea text = new TextArea();
        text.setId("gap-text");
        text.setPromptText("DNS failover cannot run in the sandbox");
        text.setPrefRowCount(3);
        text.setWrapText(true);
        text.textProperty().bindBidirectional(model.text());
        TextField owner = new TextField();
        owner.setId("gap-owner");
        owner.setPromptText("a person or a team");
        owner.textProperty().bindBidirectional(model.owner());
        DatePicker due = new DatePicker();
        due.setId("gap-due");
        due.setPromptText("YYYY-MM-DD");
        due.setConverter(new javafx.util.converter.LocalDateStringConverter(
                java.time.format.DateTimeFormatter.ISO_LOCAL_DATE, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE));
        due.getEditor().textProperty().addListener((o, was, now) -> model.due().set(now));
        TextArea remediation = new TextArea();
        remediation.setId("gap-remediation");
        remediation.setPromptText("Delegate a test zone to the sandbox account");
        remediation.setPrefRowCount(3);
        remediation.setWrapText(true);
        remediation.textProperty().bindBidirectional(model.remediation());

        GridPane fields = new GridPane(12, 8);
        fields.addRow(0, named("Gap"), text);
        fields.addRow(1, named("Owner"), owner);
        fields.addRow(2, named("Due"), due);
        fields.addRow(3, named("Remediation"), remediation);
        GridPane.setHgrow(text, Priority.ALWAYS);

        Label problem = new Label();
        problem.setId("gap-problem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problem());
        problem.visibleProperty().bind(model.problem().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Label question = new Label();
        question.setId("gap-question");
        question.getStyleClass().add("warning");
        question.setWrapText(true);
        question.textProperty().bind(model.question());
        question.visibleProperty().bind(model.question().isNotEmpty());
        question.managedProperty().bind(question.visibleProperty());

        Button record = new Button("Record");
        record.setId("gap-record");
        record.getStyleClass().add("accent");
        record.setDefaultButton(true);
        record.textProperty()
                .bind(javafx.beans.binding.Bindings.when(model.question().isEmpty())
                        .then("Record")
                        .otherwise("Record anyway"));
        record.disableProperty().bind(model.sending());
        record.setOnAction(e -> model.record());
        Button cancel = new Button("Cancel");
        cancel.setId("gap-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onDone.run());
        model.recorded().addListener((o, was, now) -> {
            if (now) onDone.run();
        });
        HBox buttons = new HBox(12, record, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        root.getChildren().addAll(heading, why, fields, problem, question, buttons);
        root.setId(ID);
        root.setPrefWidth(620);
        root.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        root.setPadding(new Insets(24));
        root.getStyleClass().addAll("bg-default", "elevated-2");
    }

    Parent root() {
        return root;
    }

    private static Label named(String name) {
        Label label = new Label(name);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
