package dev.drpilot.ui;

import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
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
import javafx.scene.layout.VBox;

/** The first screen: the incidents in the log, open ones first, and the ways to start one. */
final class StartView {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final VBox root = new VBox(16);
    private final Label status = new Label("Opening the incident log...");
    private final TableView<Incident> incidents = new TableView<>();
    private final Button declare = new Button("Declare incident");
    private final Button rehearse = new Button("Start rehearsal");
    private final Button resume = new Button("Resume selected");

    private final VBox firstRun = new VBox(8);
    private final HBox unfinished = new HBox(12);
    private final Label unfinishedText = new Label();
    private final Timeline clocks = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> {
        if (root.getScene() != null) incidents.refresh(); // the open incidents' clocks, while this screen is shown
    }));
    private Incident newestOpen;
    /** The log is damaged: nothing can be written to it. */
    private final BooleanProperty readOnly = new SimpleBooleanProperty();

    StartView(Consumer<IncidentMode> onStart, Consumer<Incident> onResume, Runnable onSample) {
        status.setId("incident-status");
        status.getStyleClass().add("title-3");
        Label hint = new Label("Declare an incident to start its recovery checklist and clocks, or rehearse a scenario. F1 lists the shortcuts.");
        hint.setId("incident-hint");
        hint.getStyleClass().add("text-muted");
        declare.setId("declare-incident");
        declare.getStyleClass().add("accent");
        declare.setOnAction(e -> onStart.accept(IncidentMode.LIVE));
        rehearse.setId("start-rehearsal");
        rehearse.setOnAction(e -> onStart.accept(IncidentMode.REHEARSAL));
        resume.setId("resume-incident");
        resume.setOnAction(e -> {
            Incident chosen = incidents.getSelectionModel().getSelectedItem();
            if (chosen != null) onResume.accept(chosen);
        });
        resume.disableProperty().bind(incidents.getSelectionModel().selectedItemProperty().isNull().or(readOnly));
        declare.setDisable(true);
        rehearse.setDisable(true);
        HBox actions = new HBox(12, declare, rehearse, resume);
        actions.setAlignment(Pos.CENTER_LEFT);

        incidents.setId("incident-list");
        incidents.setPlaceholder(new Label("No incident in the log yet"));
        incidents.getColumns().setAll(List.of(
                column("Incident", i -> i.id()),
                column("Scenario", Incident::title),
                column("Mode", i -> i.mode() == IncidentMode.REHEARSAL ? "rehearsal" : "incident"),
                column("State", i -> i.state().label()),
                column("Declared", i -> UTC.format(i.startedAt())),
                column("Time", StartView::time)));
        incidents.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(incidents, Priority.ALWAYS);
        Label welcome = new Label("New to DR Pilot? Rehearse a sample incident");
        welcome.getStyleClass().add("title-4");
        Label sample = new Label("The Druid metadata database, corrupted by a bad migration: a tabletop with scripted outcomes at 30x."
                + " No AWS account or Kubernetes cluster is needed and nothing is called. It takes a few minutes and ends with a"
                + " scorecard of your RTO and RPO against target.");
        sample.setWrapText(true);
        Button trySample = new Button("Rehearse the sample");
        trySample.setId("rehearse-sample");
        trySample.getStyleClass().add("accent");
        trySample.setOnAction(e -> onSample.run());
        firstRun.getChildren().addAll(welcome, sample, trySample);
        unfinishedText.setId("unfinished-text");
        unfinishedText.getStyleClass().add("title-4");
        Button resumeIt = new Button("Resume it");
        resumeIt.setId("resume-unfinished");
        resumeIt.getStyleClass().add("accent");
        resumeIt.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        unfinishedText.setWrapText(true);
        HBox.setHgrow(unfinishedText, Priority.ALWAYS);
        resumeIt.setOnAction(e -> {
            if (newestOpen != null) onResume.accept(newestOpen);
        });
        unfinished.getChildren().addAll(unfinishedText, resumeIt);
        unfinished.setAlignment(Pos.CENTER_LEFT);
        unfinished.setId("unfinished");
        unfinished.setPadding(new Insets(12));
        unfinished.getStyleClass().addAll("bg-warning-subtle");
        unfinished.setVisible(false);
        unfinished.managedProperty().bind(unfinished.visibleProperty());
        clocks.setCycleCount(Timeline.INDEFINITE);
        clocks.play();
        firstRun.setId("first-run");
        firstRun.setPadding(new Insets(16));
        firstRun.getStyleClass().addAll("bg-subtle", "elevated-1");
        firstRun.setVisible(false);
        firstRun.managedProperty().bind(firstRun.visibleProperty());
        root.getChildren().addAll(status, unfinished, hint, actions, firstRun, incidents);
        root.setPadding(new Insets(24));
        root.setId("start-view");
    }

    Parent root() {
        return root;
    }

    /**
     * Elapsed while the service is down, the RTO achieved once recovered, how long it lasted once
     * closed: as its own screen shows them. A tabletop's are on its own clock, its exercise time
     * (T+) standing still at its newest event while nobody plays it.
     */
    private static String time(Incident i) {
        return switch (i.state()) {
            case OPEN -> (i.ownClockAt() != null ? "T+" : "") + clock(i.lasted(Instant.now()));
            case RECOVERED -> "recovered in " + clock(i.recoveredIn());
            case CLOSED -> "lasted " + clock(i.lasted(Instant.now()));
        };
    }

    /** Shows the log's incidents (live ones before rehearsals; open ones first, newest first) and enables starting one. */
    void show(List<Incident> all) {
        incidents.getItems().setAll(all.stream().sorted(Comparator.comparing((Incident i) -> i.mode() != IncidentMode.LIVE)
                .thenComparing(i -> !i.open())
                .thenComparing(Incident::startedAt, Comparator.reverseOrder())).toList());
        long live = all.stream().filter(i -> i.open() && i.mode() == IncidentMode.LIVE).count();
        long rehearsals = all.stream().filter(i -> i.open() && i.mode() == IncidentMode.REHEARSAL).count();
        long open = live + rehearsals;
        status.setText(open == 0 ? "No incident open" : live + " live incident(s) and " + rehearsals
                + " rehearsal(s) not closed: select one and resume it");
        declare.setDisable(false);
        rehearse.setDisable(false);
        readOnly.set(false);
        firstRun.setVisible(all.isEmpty());
        newestOpen = incidents.getItems().stream().filter(Incident::open).findFirst().orElse(null);
        unfinished.setVisible(newestOpen != null);
        if (newestOpen != null) {
            unfinishedText.setText("Unfinished: " + newestOpen.title() + " (" + newestOpen.id() + "), declared "
                    + UTC.format(newestOpen.declaredAt()) + ": its steps and clocks are in the log.");
        }
        if (open > 0) incidents.getSelectionModel().select(0);
    }

    /** The log lost events and is read-only: say which, and start or resume nothing in it. */
    void damaged(String sentence) {
        status.setText(sentence);
        status.setWrapText(true);
        declare.setDisable(true);
        rehearse.setDisable(true);
        readOnly.set(true);
        firstRun.setVisible(false);
        unfinished.setVisible(false);
    }

    void failed(String message) {
        status.setText("The incident log cannot be opened: " + message);
    }

    static String clock(Duration d) {
        long seconds = Math.abs(d.toSeconds());
        return (d.isNegative() ? "-" : "") + String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private static <T> TableColumn<T, String> column(String title, java.util.function.Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }
}
