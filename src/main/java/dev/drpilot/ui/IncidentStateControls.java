package dev.drpilot.ui;

import dev.drpilot.incident.IncidentState;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The incident's life on its screen: its state (open, recovered, closed) and the acts that move it
 * on, each an event in the log: "Service is back" stops the RTO clock; "Close incident" asks for
 * the summary that opens the post-mortem; "Reopen" asks why.
 */
final class IncidentStateControls {

    private final IncidentViewModel model;
    private final Label state = new Label();
    private final Button recovered = new Button("Service is back");
    private final Button close = new Button("Close incident…");
    private final Button reopen = new Button("Reopen…");
    private final HBox controls = new HBox(8, state, recovered, close, reopen);
    private final Label prompt = new Label();
    private final TextField text = new TextField();
    private final Button go = new Button();
    private final HBox bar;
    private Consumer<String> pendingAct;

    IncidentStateControls(IncidentViewModel model) {
        this.model = model;
        state.setId("incident-state");
        recovered.setId("mark-recovered");
        close.setId("close-incident");
        reopen.setId("reopen-incident");
        text.setId("state-text");
        go.setId("state-go");
        controls.setAlignment(Pos.CENTER_LEFT);
        for (Node node : controls.getChildren()) ((Control) node).setMinWidth(Region.USE_PREF_SIZE);
        recovered.setOnAction(e -> model.recovered(null));
        close.setOnAction(e -> ask("Summary for the post-mortem:", "Close the incident", model::close));
        reopen.setOnAction(e -> ask("Why is it reopened?", "Reopen", model::reopen));
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> hideBar());
        go.setDefaultButton(true);
        go.setOnAction(e -> act());
        text.setOnAction(e -> act());
        HBox.setHgrow(text, Priority.ALWAYS);
        bar = new HBox(8, prompt, text, go, cancel);
        bar.setId("state-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 16, 8, 16));
        hideBar();
        model.state().addListener((o, was, now) -> show(now));
        show(model.state().get());
    }

    /** The state and its buttons, for the header's line. */
    Node controls() {
        return controls;
    }

    /** The line that takes a summary or a reason, under the header while it is asked for. */
    Node bar() {
        return bar;
    }

    private void show(IncidentState now) {
        state.setText(now.label().toUpperCase());
        state.getStyleClass().removeAll("danger", "success", "text-muted");
        state.getStyleClass()
                .add(now == IncidentState.OPEN ? "danger" : now == IncidentState.RECOVERED ? "success" : "text-muted");
        visible(recovered, now == IncidentState.OPEN);
        visible(close, now != IncidentState.CLOSED);
        visible(reopen, now != IncidentState.OPEN);
        hideBar();
    }

    private void ask(String question, String action, Consumer<String> act) {
        prompt.setText(question);
        go.setText(action);
        text.clear();
        pendingAct = act;
        visible(bar, true);
        text.requestFocus();
    }

    private void act() {
        if (pendingAct == null || text.getText().isBlank()) return;
        pendingAct.accept(text.getText().strip());
    }

    private void hideBar() {
        pendingAct = null;
        visible(bar, false);
    }

    private static void visible(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
