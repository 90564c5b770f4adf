package dev.drpilot.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The main window's content: a header, and the start area where the recovery checklist,
 * timers, scenario picker and incident log will take their places.
 */
public final class MainWindow {

    static final String TITLE = "DR Pilot";

    private final BorderPane root = new BorderPane();

    public MainWindow() {
        root.setId("main-window");
        root.setTop(header());
        root.setCenter(startArea());
    }

    public Parent root() {
        return root;
    }

    private static HBox header() {
        Label name = new Label(TITLE);
        name.setId("app-name");
        name.getStyleClass().add("title-2");
        Label tagline = new Label("Disaster recovery, step by step, on the record");
        tagline.setId("app-tagline");
        tagline.getStyleClass().add("text-muted");
        HBox header = new HBox(16, name, tagline);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(16, 24, 16, 24));
        header.getStyleClass().add("bg-subtle");
        return header;
    }

    private static VBox startArea() {
        Label status = new Label("No incident open");
        status.setId("incident-status");
        status.getStyleClass().add("title-3");
        Label hint = new Label("Declare an incident to start its recovery checklist and clocks, or rehearse a scenario.");
        hint.setId("incident-hint");
        hint.getStyleClass().add("text-muted");
        Button declare = new Button("Declare incident");
        declare.setId("declare-incident");
        declare.setAccessibleText("Declare an incident");
        declare.getStyleClass().add("accent");
        declare.setDisable(true);
        Button rehearse = new Button("Start rehearsal");
        rehearse.setId("start-rehearsal");
        rehearse.setAccessibleText("Start a rehearsal");
        rehearse.setDisable(true);
        HBox actions = new HBox(12, declare, rehearse);
        actions.setAlignment(Pos.CENTER);
        VBox area = new VBox(16, status, hint, actions);
        area.setAlignment(Pos.CENTER);
        area.setPadding(new Insets(48));
        return area;
    }
}
