package dev.drpilot.ui;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Over a step's detail while it waits for a second person's approval: what is to be approved (the exact command, its
 * target and account), who asked and how long ago, where the request stands, and, when nobody else can be asked, the
 * commander's "Go ahead by override…" in warning colours; after a refusal, who refused and why.
 */
final class ApprovalPanel {

    private static final String BACKGROUND =
            "-fx-background-color: -color-bg-default, %s; -fx-background-insets: 0, 0;";

    private final ApprovalModel model;
    private final VBox root = new VBox(6);

    ApprovalPanel(ApprovalModel model) {
        this.model = model;
        Label title = label("approval-title", "Needs a second person's approval before it runs");
        title.getStyleClass().add("text-bold");
        Label command = label("approval-command", "");
        command.textProperty().bind(model.command());
        command.setStyle("-fx-font-family: monospace; -fx-text-fill: -color-accent-fg;");
        Label target = label("approval-target", "");
        target.textProperty().bind(model.target());
        Label asked = label("approval-asked", "");
        asked.textProperty().bind(model.asked());
        asked.getStyleClass().add("text-muted");
        Label status = label("approval-status", "");
        status.textProperty().bind(model.status());
        Button override = new Button("Go ahead by override…");
        override.setId("approval-override");
        override.getStyleClass().add("warning");
        override.setMinWidth(Region.USE_PREF_SIZE);
        override.visibleProperty().bind(model.overrideOffered());
        override.managedProperty().bind(override.visibleProperty());
        override.setOnAction(e -> askReason().ifPresent(model::override));
        Label problem = label("approval-problem", "");
        problem.textProperty().bind(model.problem());
        problem.getStyleClass().add("danger");
        problem.visibleProperty().bind(model.problem().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Label outcome = label("approval-outcome", "");
        outcome.textProperty().bind(model.outcome());
        outcome.getStyleClass().add("danger");
        outcome.visibleProperty().bind(model.outcome().isNotEmpty());
        outcome.managedProperty().bind(outcome.visibleProperty());
        outcome.setOnMouseClicked(e -> model.dismissOutcome());
        VBox waiting = new VBox(6, title, command, target, asked, status, override, problem);
        waiting.visibleProperty().bind(model.step().isNotNull());
        waiting.managedProperty().bind(waiting.visibleProperty());
        root.getChildren().setAll(waiting, outcome);
        root.setId("approval-bar");
        root.setPadding(new Insets(8));
        root.visibleProperty().bind(model.step().isNotNull().or(model.outcome().isNotEmpty()));
        model.overrideOffered()
                .addListener((o, was, now) ->
                        root.setStyle(BACKGROUND.formatted(now ? "-color-warning-subtle" : "-color-accent-subtle")));
        root.setStyle(BACKGROUND.formatted("-color-accent-subtle"));
        root.setMaxHeight(Region.USE_PREF_SIZE);
    }

    VBox root() {
        return root;
    }

    /** The commander's reason for going ahead alone; OK stays disabled while it is blank. */
    private Optional<String> askReason() {
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle("Go ahead by override");
        dialog.setHeaderText("No second person approves this step. As incident commander, say why you go ahead"
                + " alone: the log and the post-mortem show it as an override.");
        TextArea reason = new TextArea();
        reason.setId("override-reason");
        reason.setPromptText("why this cannot wait for a second person");
        reason.setWrapText(true);
        reason.setPrefRowCount(3);
        dialog.getDialogPane().setContent(reason);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("override-confirm");
        ok.setText("Go ahead by override");
        ok.getStyleClass().add("warning");
        ok.disableProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> reason.getText().isBlank(), reason.textProperty()));
        dialog.setResultConverter(button -> button == ButtonType.OK ? reason.getText() : null);
        if (root.getScene() != null) dialog.initOwner(root.getScene().getWindow());
        return dialog.showAndWait();
    }

    private static Label label(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
