package dev.drpilot.ui;

import dev.drpilot.engine.IncidentClocks;
import dev.drpilot.engine.StepRun;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.timeline.EventDescriptions;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One incident, all on one screen: its clocks and checklist phases at the top, its steps with
 * their state, command and output in the middle, its log on the right, the export at the bottom.
 * A destructive step waits for its resource's name, typed; a manual step for the operator's tick.
 */
final class IncidentView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Map<String, Set<EventKind>> FILTERS = Map.of(
            "All events", EnumSet.allOf(EventKind.class),
            "Steps", EnumSet.of(EventKind.STEP_STARTED, EventKind.STEP_SUCCEEDED, EventKind.STEP_FAILED, EventKind.STEP_SKIPPED,
                    EventKind.STEP_RETRIED, EventKind.STEP_CANCELLED, EventKind.STEP_INTERRUPTED, EventKind.STEP_WAITING,
                    EventKind.CONFIRMATION_REQUESTED, EventKind.CONFIRMATION_GIVEN, EventKind.CHECKLIST_TICK),
            "API calls", EnumSet.of(EventKind.API_CALL, EventKind.CALLER_IDENTITY, EventKind.STATUS_CHANGE),
            "Notes and decisions", EnumSet.of(EventKind.NOTE, EventKind.DECISION, EventKind.CORRECTION, EventKind.INJECT),
            "Clocks", EnumSet.of(EventKind.CLOCK_BREACH, EventKind.PHASE_ENTERED, EventKind.INCIDENT_START_SET_BACK));

    private final IncidentViewModel model;
    private final BorderPane root = new BorderPane();
    private final Label clocks = new Label();
    private final HBox phases = new HBox(8);
    private final Map<dev.drpilot.runbook.Phase, Label> phaseLabels = new java.util.EnumMap<>(dev.drpilot.runbook.Phase.class);
    private final TableView<StepRun> steps = new TableView<>();
    private final Label command = new Label();
    private final TextArea output = new TextArea();
    private final ProgressBar progress = new ProgressBar();
    private final VBox confirmBar = new VBox(6);
    private final Label confirmPrompt = new Label();
    private final TextField confirmText = new TextField();
    private final VBox tickBar = new VBox(6);
    private final Label tickPrompt = new Label();
    private final TextField tickNote = new TextField();
    private final TextField note = new TextField();
    private final TextField skipReason = new TextField();
    private final Label problem = new Label();
    private final Timeline ticker;
    private final SplitPane middle = new SplitPane();
    private static final String DIVIDER = "incident.divider";
    private int breachesSeen = -1;
    /** By step id: who ticked it off, ran it to success or skipped it, and when (UTC). */
    private final Map<String, String> settledBy = new java.util.HashMap<>();
    /** The step the operator looks at; a step's new state replaces its row, which would drop the selection. */
    private String selectedStepId;
    private final RecordedValuesForm recorded;

    IncidentView(IncidentViewModel model, String title, IncidentMode mode, ExportPane export, Runnable onClose) {
        this.model = model;
        this.recorded = new RecordedValuesForm(model.run().clock());
        root.setId("incident-view");
        root.setTop(header(title, mode, onClose));
        middle.getItems().setAll(stepsPane(), logPane());
        middle.setDividerPositions(0.62);
        root.setCenter(middle);
        root.setBottom(export.root());
        model.steps().addListener((javafx.collections.ListChangeListener<StepRun>) c -> {
            followActiveStep(c);
            refreshBars();
        });
        steps.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) selectedStepId = now.id();
            showDetail(now);
        });
        model.problem().addListener((o, was, now) -> problem.setText(now));
        ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        model.state().addListener((o, was, now) -> tick());
        tick();
        refreshBars();
        steps.getSelectionModel().select(0);
    }

    Parent root() {
        return root;
    }

    IncidentViewModel model() {
        return model;
    }

    /** The screen is left: its clock stops, and the incident is let go for another DR Pilot to drive. */
    void stop() {
        ticker.stop();
        model.close();
    }

    private boolean noteWhoSettled(IncidentEvent event) {
        if (event.stepId() == null) return false;
        switch (event.kind()) {
            case STEP_SUCCEEDED, STEP_SKIPPED -> settledBy.put(event.stepId(), event.actor() + ", " + TIME.format(event.time()));
            case STEP_STARTED -> settledBy.remove(event.stepId());
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Where the operator left the divider between the steps and the log, kept between incidents and runs. */
    void rememberDivider(java.util.prefs.Preferences saved) {
        middle.setDividerPositions(saved.getDouble(DIVIDER, middle.getDividerPositions()[0]));
        middle.getDividers().getFirst().positionProperty().addListener((o, was, now) -> saved.putDouble(DIVIDER, now.doubleValue()));
    }

    /** The live status of the incident's resources, in a tab beside the log. */
    void showLiveStatus(Parent panel) {
        javafx.scene.Node log = middle.getItems().get(1);
        javafx.scene.control.Tab logTab = new javafx.scene.control.Tab("Incident log", log);
        javafx.scene.control.Tab statusTab = new javafx.scene.control.Tab("Live status", panel);
        statusTab.setId("status-tab");
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(logTab, statusTab);
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("incident-tabs");
        double[] dividers = middle.getDividerPositions();
        middle.getItems().set(1, tabs);
        middle.setDividerPositions(dividers);
    }

    /** A rehearsal's facilitator controls, between the header and the steps. */
    void showAboveSteps(javafx.scene.Node bar) {
        root.setTop(new VBox((javafx.scene.Node) root.getTop(), bar));
    }

    // ---- layout ----

    private VBox header(String title, IncidentMode mode, Runnable onClose) {
        Label name = new Label(title + "  ·  " + model.run().incidentId());
        name.setId("incident-title");
        name.getStyleClass().add("title-3");
        Label badge = new Label(mode == IncidentMode.REHEARSAL ? "REHEARSAL" : "LIVE INCIDENT");
        badge.setId("incident-mode");
        badge.getStyleClass().add(mode == IncidentMode.REHEARSAL ? "accent" : "danger");
        clocks.setId("incident-clocks");
        clocks.getStyleClass().add("title-4");
        phases.setId("phases");
        Button back = new Button("All incidents");
        back.setId("back-to-start");
        back.setOnAction(e -> onClose.run());
        badge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        back.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        name.setMinWidth(160);
        IncidentStateControls life = new IncidentStateControls(model);
        HBox line = new HBox(12, name, badge, life.controls(), back);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(name, Priority.ALWAYS);
        name.setMaxWidth(Double.MAX_VALUE);
        VBox header = new VBox(8, line, new DriverBanner(model).root(), clocks, life.bar(), phases);
        header.setPadding(new Insets(12, 16, 12, 16));
        header.getStyleClass().add("bg-subtle");
        return header;
    }

    private VBox stepsPane() {
        steps.setId("steps");
        steps.setItems(model.steps());
        steps.getColumns().setAll(List.of(
                column("#", s -> Integer.toString(model.steps().indexOf(s) + 1), 36),
                column("Phase", s -> s.step().phase().label(), 150),
                column("Step", s -> s.step().title(), 300),
                column("State", s -> s.state().label(), 150),
                column("Time", this::elapsed, 70),
                column("Done by", s -> settledBy.getOrDefault(s.id(), ""), 150)));
        model.events().addListener((javafx.collections.ListChangeListener<IncidentEvent>) change -> {
            boolean settled = false;
            while (change.next()) {
                for (IncidentEvent event : change.getAddedSubList()) settled |= noteWhoSettled(event);
            }
            if (settled) steps.refresh();
        });
        steps.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(steps, Priority.ALWAYS);

        BooleanBinding elsewhere = model.drivenElsewhere().isNotNull();
        Button runNext = button("run-next", "Run to next confirmation", e -> model.runToNextConfirmation());
        runNext.getStyleClass().add("accent");
        Button runStep = button("run-step", "Run this step", e -> selected(s -> model.start(s.id())));
        Button cancel = button("cancel-step", "Cancel", e -> selected(s -> model.cancel(s.id())));
        for (Button stepAct : List.of(runNext, runStep, cancel)) stepAct.disableProperty().bind(elsewhere);
        skipReason.setId("skip-reason");
        skipReason.setPromptText("why skip this step?");
        Button skip = button("skip-step", "Skip", e -> selected(s -> {
            model.skip(s.id(), skipReason.getText().strip());
            skipReason.clear();
        }));
        skip.disableProperty().bind(skipReason.textProperty().isEmpty().or(elsewhere));
        skipReason.setOnAction(e -> skip.fire());
        HBox actions = new HBox(8, runNext, runStep, cancel, skipReason, skip);
        HBox.setHgrow(skipReason, Priority.ALWAYS);

        confirmPrompt.setId("confirm-prompt");
        confirmPrompt.getStyleClass().add("danger");
        confirmText.setId("confirm-text");
        confirmText.setPromptText("type the resource's name");
        Button confirm = button("confirm-button", "Go ahead", e -> {
            StepRun waiting = model.awaitingConfirmation();
            if (waiting != null) model.confirm(waiting.id(), confirmText.getText().strip());
            confirmText.clear();
        });
        confirm.getStyleClass().add("danger");
        confirm.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            StepRun waiting = model.awaitingConfirmation();
            return waiting == null || !confirmText.getText().strip().equals(model.run().confirmationText(waiting.id()));
        }, confirmText.textProperty(), model.steps()).or(elsewhere));
        confirmText.setOnAction(e -> confirm.fire());
        HBox confirmLine = new HBox(8, confirmText, confirm);
        HBox.setHgrow(confirmText, Priority.ALWAYS);
        confirmBar.getChildren().setAll(confirmPrompt, confirmLine);
        confirmBar.setId("confirm-bar");
        confirmBar.getStyleClass().add("bg-danger-subtle");
        confirmBar.setPadding(new Insets(8));

        tickPrompt.setId("tick-prompt");
        tickPrompt.setWrapText(true);
        tickNote.setId("tick-note");
        tickNote.setPromptText("what you found or did (optional)");
        Button tick = button("tick-off", "Done", e -> {
            StepRun waiting = model.awaitingOperator();
            if (waiting != null) model.tickOff(waiting.id(), tickNote.getText().strip(), recorded.values());
            tickNote.clear();
        });
        tick.disableProperty().bind(recorded.valid().not().or(elsewhere));
        tickNote.setOnAction(e -> tick.fire());
        HBox tickLine = new HBox(8, tickNote, tick);
        HBox.setHgrow(tickNote, Priority.ALWAYS);
        tickBar.getChildren().setAll(tickPrompt, recorded.root(), tickLine);
        tickBar.setId("tick-bar");
        tickBar.getStyleClass().add("bg-accent-subtle");
        tickBar.setPadding(new Insets(8));

        command.setId("step-command");
        command.getStyleClass().add("code");
        command.setWrapText(true);
        Button copy = button("copy-command", "Copy", e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(command.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox commandLine = new HBox(8, command, copy);
        HBox.setHgrow(command, Priority.ALWAYS);
        output.setId("step-output");
        output.setEditable(false);
        output.setWrapText(true);
        output.setPrefRowCount(6);
        progress.setId("step-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        problem.setId("action-problem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        VBox pane = new VBox(8, steps, actions, confirmBar, tickBar, problem, commandLine, progress, output);
        pane.setPadding(new Insets(12));
        return pane;
    }

    private VBox logPane() {
        Label heading = new Label("Incident log");
        heading.getStyleClass().add("title-4");
        ChoiceBox<String> filter = new ChoiceBox<>(FXCollections.observableArrayList("All events", "Steps", "API calls", "Notes and decisions", "Clocks"));
        filter.setId("log-filter");
        filter.setValue("All events");
        FilteredList<IncidentEvent> shown = new FilteredList<>(model.events());
        filter.valueProperty().addListener((o, was, now) -> shown.setPredicate(e -> FILTERS.get(now).contains(e.kind())));
        ListView<IncidentEvent> list = new ListView<>(shown);
        list.setId("log-list");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(IncidentEvent event, boolean empty) {
                super.updateItem(event, empty);
                setWrapText(true);
                setPrefWidth(0);
                setText(empty || event == null ? null : TIME.format(event.time()) + "  " + (event.stepId() == null ? "" : "[" + event.stepId() + "] ")
                        + EventDescriptions.describe(event) + "  (" + event.actor() + ")");
            }
        });
        shown.addListener((javafx.collections.ListChangeListener<IncidentEvent>) c -> {
            if (!shown.isEmpty()) list.scrollTo(shown.size() - 1);
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        note.setId("note-text");
        note.setPromptText("a note for the log (Enter), or a decision");
        note.setOnAction(e -> addNote(false));
        Button addNote = button("add-note", "Note", e -> addNote(false));
        Button addDecision = button("add-decision", "Decision", e -> addNote(true));
        HBox noteLine = new HBox(8, note, addNote, addDecision);
        HBox.setHgrow(note, Priority.ALWAYS);
        HBox top = new HBox(12, heading, filter);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox pane = new VBox(8, top, list, noteLine);
        pane.setPadding(new Insets(12));
        return pane;
    }

    // ---- behaviour ----

    void focusNote() {
        note.requestFocus();
    }

    void runToNextConfirmation() {
        model.runToNextConfirmation();
    }

    private void addNote(boolean decision) {
        String text = note.getText().strip();
        if (text.isEmpty()) return;
        if (decision) model.decision(text);
        else model.note(text);
        note.clear();
    }

    private void selected(java.util.function.Consumer<StepRun> action) {
        StepRun step = steps.getSelectionModel().getSelectedItem();
        if (step != null) action.accept(step);
    }

    private void showDetail(StepRun step) {
        if (step == null) return;
        command.setText(step.command() == null ? (step.step().isManual() ? "manual step" : "") : step.command());
        StringBuilder text = new StringBuilder();
        if (step.step().isManual()) text.append(model.run().instructions(step.id())).append("\n\n");
        if (step.message() != null) text.append(step.message()).append('\n');
        if (!step.outputs().isEmpty()) step.outputs().forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
        output.setText(text.toString());
        progress.setVisible(step.state().isActive());
        progress.setProgress(step.fraction() == null ? ProgressBar.INDETERMINATE_PROGRESS : step.fraction());
    }

    /** The step that starts, waits or asks for the operator is the one shown. */
    private void followActiveStep(javafx.collections.ListChangeListener.Change<? extends StepRun> change) {
        while (change.next()) {
            if (!change.wasReplaced() && !change.wasAdded()) continue;
            for (StepRun step : change.getAddedSubList()) {
                if (step.state().isActive() || step.state() == dev.drpilot.engine.StepState.AWAITING_CONFIRMATION
                        || step.state() == dev.drpilot.engine.StepState.AWAITING_OPERATOR || step.state() == dev.drpilot.engine.StepState.FAILED) {
                    steps.getSelectionModel().select(model.steps().indexOf(step));
                }
            }
        }
    }

    private void refreshBars() {
        StepRun waiting = model.awaitingConfirmation();
        confirmBar.setVisible(waiting != null);
        confirmBar.setManaged(waiting != null);
        if (waiting != null) {
            confirmPrompt.setText("Destructive: \"" + waiting.step().title() + "\". Type " + model.run().confirmationText(waiting.id()) + " to go ahead.");
        }
        StepRun manual = model.awaitingOperator();
        tickBar.setVisible(manual != null);
        tickBar.setManaged(manual != null);
        if (manual != null) {
            tickPrompt.setText(manual.step().title() + ": " + model.run().instructions(manual.id()));
            recorded.show(manual.step().records());
        }
        if (steps.getSelectionModel().getSelectedItem() == null && selectedStepId != null) {
            for (int i = 0; i < model.steps().size(); i++) {
                if (model.steps().get(i).id().equals(selectedStepId)) steps.getSelectionModel().select(i);
            }
        }
        showDetail(steps.getSelectionModel().getSelectedItem());
        steps.refresh();
    }

    /**
     * The data lost, once both ends are known: the restore point chosen (the restoreTime
     * parameter) and the failure's start (declared, or set back later).
     */
    private String rpo() {
        java.time.Instant failure = null;
        String restore = model.run().parameterValues().get("restoreTime");
        for (IncidentEvent event : model.events()) {
            Object at = switch (event.kind()) {
                case INCIDENT_DECLARED, INCIDENT_START_SET_BACK -> EventDescriptions.payload(event).get("failureStartedAt");
                default -> null;
            };
            if (at != null) failure = java.time.Instant.parse(String.valueOf(at));
        }
        if (failure == null || restore == null) return "";
        Duration lost = Duration.between(java.time.Instant.parse(restore), failure);
        var target = model.run().runbook().targets().rpo();
        return "   ·   RPO " + dev.drpilot.runbook.Durations.human(lost.isNegative() ? Duration.ZERO : lost)
                + (target.isNone() ? "" : " (target " + target.label() + ")");
    }

    private void tick() {
        IncidentClocks.Reading reading = model.clocks();
        clocks.setText((reading.closed() ? "Lasted " : "Elapsed ") + StartView.clock(reading.elapsed()) + "   ·   " + rto(reading) + rpo());
        clocks.getStyleClass().removeAll("danger", "success");
        if (reading.rtoRemaining() != null && reading.rtoRemaining().isNegative()) clocks.getStyleClass().add("danger");
        else if (reading.recoveredIn() != null) clocks.getStyleClass().add("success");
        for (IncidentClocks.PhaseClock phase : reading.phases()) showPhase(phase);
        long breaches = reading.phases().stream().filter(IncidentClocks.PhaseClock::breached).count()
                + (reading.rtoRemaining() != null && reading.rtoRemaining().isNegative() ? 1 : 0);
        if (breaches != breachesSeen) {
            breachesSeen = (int) breaches;
            model.checkClocks();
        }
        refreshRunningTimes();
    }

    /** The RTO clock: counting down, passed, or stopped at the recovery with the RTO achieved against its target. */
    private String rto(IncidentClocks.Reading reading) {
        var target = model.run().runbook().targets().rto();
        if (reading.recoveredIn() != null) {
            String achieved = "Recovered in " + StartView.clock(reading.recoveredIn());
            if (reading.rtoRemaining() == null) return achieved;
            return achieved + " (RTO target " + target.label() + ": " + (reading.rtoRemaining().isNegative() ? "missed" : "met") + ")";
        }
        if (reading.rtoRemaining() == null) return "no RTO target";
        return reading.rtoRemaining().isNegative() ? "RTO passed " + StartView.clock(reading.rtoRemaining().negated()) + " ago"
                : "RTO left " + StartView.clock(reading.rtoRemaining());
    }

    /** A phase's chip, made once and updated each second (a new node a second would cost a CSS pass each time). */
    private void showPhase(IncidentClocks.PhaseClock clock) {
        Label label = phaseLabels.computeIfAbsent(clock.phase(), phase -> {
            Label made = new Label();
            made.setId("phase-" + phase.yamlName());
            made.setPadding(new Insets(4, 10, 4, 10));
            phases.getChildren().add(made);
            return made;
        });
        String window = " (" + clock.phase().opens().toMinutes() + "-" + clock.phase().closes().toMinutes() + " min)";
        label.setText(clock.phase().label() + window + (clock.openSteps() == 0 ? "  done" : "  " + clock.openSteps() + " open")
                + (clock.breached() ? "  LATE" : ""));
        String style = clock.breached() ? "danger" : clock.current() ? "accent" : "text-muted";
        if (!label.getStyleClass().contains(style)) {
            label.getStyleClass().removeAll("danger", "accent", "text-muted");
            label.getStyleClass().add(style);
        }
        label.setStyle(clock.current() ? "-fx-border-color: -color-accent-emphasis; -fx-border-radius: 4;" : "");
    }

    private void refreshRunningTimes() {
        if (model.steps().stream().anyMatch(s -> s.state().isActive())) steps.refresh();
    }

    private String elapsed(StepRun step) {
        if (step.startedAt() == null) return "";
        java.time.Instant end = step.endedAt() == null ? model.run().clock().instant() : step.endedAt();
        return StartView.clock(Duration.between(step.startedAt(), end)).substring(3);
    }

    private static Button button(String id, String text, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(action);
        return button;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
