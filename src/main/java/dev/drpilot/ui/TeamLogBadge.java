package dev.drpilot.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;

/** The header's word on the team log ("team log: up to date", "team log offline, 3 events waiting"); hidden without one. */
final class TeamLogBadge {

    private final Label text = new Label();

    TeamLogBadge(TeamLogStatusModel model) {
        text.setId("team-log-status");
        text.getStyleClass().add("text-muted");
        text.textProperty().bind(model.text());
        text.visibleProperty().bind(model.text().isNotEmpty());
        text.managedProperty().bind(text.visibleProperty());
    }

    Node root() {
        return text;
    }
}
