package dev.drpilot.ui;

import dev.drpilot.engine.RunbookChange;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Asks before an incident is resumed on a runbook file that changed since its log recorded it:
 * what changed (the unified diff) and Resume or Cancel, Cancel being the default. Shown over the
 * window, which takes no input meanwhile.
 */
final class RunbookChangeDialog {

    static final String QUESTION = "Resume with the changed runbook? The change is written in the incident's log.";

    private final VBox root = new VBox(12);

    RunbookChangeDialog(RunbookChange change, Runnable onResume, Runnable onCancel) {
        Label heading = new Label("The runbook changed");
        heading.getStyleClass().add("title-3");
        Label sentence = new Label(change.sentence());
        sentence.setId("runbook-change-sentence");
        sentence.setWrapText(true);
        TextArea diff = new TextArea(change.diffText());
        diff.setId("runbook-change-diff");
        diff.setEditable(false);
        diff.setWrapText(false);
        diff.setPrefRowCount(18);
        diff.setPrefColumnCount(90);
        diff.setStyle("-fx-font-family: monospace;");
        diff.setAccessibleText("The difference between the recorded runbook and the file now");
        Label question = new Label(QUESTION);
        question.setId("runbook-change-question");
        question.setWrapText(true);
        Button resume = new Button("Resume with the changed runbook");
        resume.setId("runbook-change-resume");
        resume.setOnAction(e -> onResume.run());
        Button cancel = new Button("Cancel");
        cancel.setId("runbook-change-cancel");
        cancel.setCancelButton(true);
        cancel.setDefaultButton(true);
        cancel.setOnAction(e -> onCancel.run());
        HBox buttons = new HBox(12, resume, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        root.getChildren().addAll(heading, sentence, diff, question, buttons);
        root.setId("runbook-change-dialog");
        root.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        root.setPadding(new Insets(24));
        root.getStyleClass().addAll("bg-default", "elevated-2");
    }

    Parent root() {
        return root;
    }
}
