package dev.drpilot.ui;

import dev.drpilot.incident.Driver;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Says that another DR Pilot (a window, the command line) drives the incident: who, where, since
 * when; its steps run there and this screen only follows them. "Take over" makes this window the
 * driver, and the log says so.
 */
final class DriverBanner {

    private final Label text = new Label();
    private final Button takeOver = new Button();
    private final HBox root = new HBox(12, text, takeOver);

    DriverBanner(IncidentViewModel model) {
        text.setId("driver-banner-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        takeOver.setId("take-over");
        takeOver.getStyleClass().add("accent");
        takeOver.setMinWidth(Region.USE_PREF_SIZE);
        takeOver.setOnAction(e -> model.takeOver());
        root.setId("driver-banner");
        root.getStyleClass().add("bg-warning-subtle");
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(8, 16, 8, 16));
        model.drivenElsewhere().addListener((o, was, now) -> show(now));
        show(model.drivenElsewhere().get());
    }

    Node root() {
        return root;
    }

    private void show(Driver driver) {
        root.setVisible(driver != null);
        root.setManaged(driver != null);
        if (driver == null) return;
        text.setText("Driven by " + driver.label() + ". Its steps run there and show here as they"
                + " happen; notes and decisions are open to everyone.");
        takeOver.setText("Take over from " + driver.seat().handle());
    }
}
