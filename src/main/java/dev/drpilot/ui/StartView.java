package dev.drpilot.ui;

import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentMode;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The first screen: the incidents in the log, open ones first, and the ways to start one. */
final class StartView {

    private final VBox root = new VBox(16);
    private final TableView<Incident> incidents = new TableView<>();
    private final Timeline clocks = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> {
        if (root.getScene() != null) incidents.refresh(); // the open incidents' clocks, while this screen is shown
    }));

    StartView(
            StartViewModel model,
            Consumer<IncidentMode> onStart,
            Consumer<Incident> onResume,
            Runnable onSample,
            Runnable onReadiness) {
        Label status = new Label();
        status.setId("incident-status");
        status.getStyleClass().add("title-3");
        status.textProperty().bind(model.status());
        status.wrapTextProperty().bind(model.readOnly());
        Label hint = new Label(
                "Declare an incident to start its recovery checklist and clocks, or rehearse a scenario. F1 lists the shortcuts.");
        hint.setId("incident-hint");
        hint.getStyleClass().add("text-muted");
        Button declare = new Button("Declare incident");
        declare.setId("declare-incident");
        declare.getStyleClass().add("accent");
        declare.setOnAction(e -> onStart.accept(IncidentMode.LIVE));
        declare.disableProperty().bind(model.canStart().not());
        Button rehearse = new Button("Start rehearsal");
        rehearse.setId("start-rehearsal");
        rehearse.setOnAction(e -> onStart.accept(IncidentMode.REHEARSAL));
        rehearse.disableProperty().bind(model.canStart().not());
        Button resume = new Button("Resume selected");
        resume.setId("resume-incident");
        resume.setOnAction(e -> {
            Incident chosen = incidents.getSelectionModel().getSelectedItem();
            if (chosen != null) onResume.accept(chosen);
        });
        resume.disableProperty()
                .bind(incidents
                        .getSelectionModel()
                        .selectedItemProperty()
                        .isNull()
                        .or(model.readOnly()));
        Button readiness = new Button("Readiness");
        readiness.setId("open-readiness");
        readiness.setOnAction(e -> onReadiness.run());
        readiness.disableProperty().bind(model.canStart().not());
        HBox actions = new HBox(12, declare, rehearse, resume, readiness);
        actions.setAlignment(Pos.CENTER_LEFT);

        incidents.setId("incident-list");
        incidents.setPlaceholder(new Label("No incident in the log yet"));
        incidents.setItems(model.incidents());
        incidents
                .getColumns()
                .setAll(List.of(
                        column("Incident", Incident::id),
                        column("Scenario", Incident::title),
                        column("Mode", StartViewModel::mode),
                        column("State", i -> i.state().label()),
                        column("Declared", i -> StartViewModel.UTC.format(i.startedAt())),
                        column("Time", model::time)));
        incidents.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(incidents, Priority.ALWAYS);
        VBox firstRun = firstRun(onSample);
        firstRun.visibleProperty().bind(model.firstRun());
        HBox unfinished = unfinished(model, onResume);
        model.proposed().addListener((o, was, now) -> {
            if (now != null) incidents.getSelectionModel().select(now);
        });
        clocks.setCycleCount(Timeline.INDEFINITE);
        clocks.play();
        root.getChildren().addAll(status, unfinished, hint, actions, firstRun, incidents);
        root.setPadding(new Insets(24));
        root.setId("start-view");
    }

    Parent root() {
        return root;
    }

    /** For a newcomer on an empty log: the sample rehearsal, in a sentence and a button. */
    private static VBox firstRun(Runnable onSample) {
        Label welcome = new Label("New to DR Pilot? Rehearse a sample incident");
        welcome.getStyleClass().add("title-4");
        Label sample = new Label(
                "The Druid metadata database, corrupted by a bad migration: a tabletop with scripted outcomes at 30x."
                        + " No AWS account or Kubernetes cluster is needed and nothing is called. It takes a few minutes and ends with a"
                        + " scorecard of your RTO and RPO against target.");
        sample.setWrapText(true);
        Button trySample = new Button("Rehearse the sample");
        trySample.setId("rehearse-sample");
        trySample.getStyleClass().add("accent");
        trySample.setOnAction(e -> onSample.run());
        VBox firstRun = new VBox(8, welcome, sample, trySample);
        firstRun.setId("first-run");
        firstRun.setPadding(new Insets(16));
        firstRun.getStyleClass().addAll("bg-subtle", "elevated-1");
        firstRun.managedProperty().bind(firstRun.visibleProperty());
        return firstRun;
    }

    /** The newest incident not closed, and "Resume it". */
    private static HBox unfinished(StartViewModel model, Consumer<Incident> onResume) {
        Label text = new Label();
        text.setId("unfinished-text");
        text.getStyleClass().add("title-4");
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button resumeIt = new Button("Resume it");
        resumeIt.setId("resume-unfinished");
        resumeIt.getStyleClass().add("accent");
        resumeIt.setMinWidth(Region.USE_PREF_SIZE);
        resumeIt.setOnAction(e -> {
            if (model.unfinished().get() != null)
                onResume.accept(model.unfinished().get());
        });
        HBox unfinished = new HBox(12, text, resumeIt);
        unfinished.setAlignment(Pos.CENTER_LEFT);
        unfinished.setId("unfinished");
        unfinished.setPadding(new Insets(12));
        unfinished.getStyleClass().addAll("bg-warning-subtle");
        unfinished.visibleProperty().bind(model.unfinished().isNotNull());
        unfinished.managedProperty().bind(unfinished.visibleProperty());
        text.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.unfinished().get() == null
                                ? ""
                                : StartViewModel.unfinishedText(
                                        model.unfinished().get()),
                        model.unfinished()));
        return unfinished;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }
}
