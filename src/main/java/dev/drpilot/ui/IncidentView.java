package dev.drpilot.ui;

import dev.drpilot.engine.IncidentClocks;
import dev.drpilot.engine.StepRun;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.runbook.Phase;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

/**
 * One incident, all on one screen: its clocks and checklist phases at the top, its steps with
 * their state, command and output in the middle, its log on the right, the export at the bottom.
 * A destructive step waits for its resource's name, typed; a manual step for the operator's tick.
 */
final class IncidentView {

    private final IncidentViewModel model;
    private final BorderPane root = new BorderPane();
    /** The screen, and a form over it while one is open (Record a gap). */
    private final StackPane stack = new StackPane(root);
    /** The room under the steps for the selected step's detail, or what a step asks of the operator, over it: fixed, so nothing jumps. */
    private static final double ASKING_HEIGHT = 168;
    /** Narrower than this, the steps table leaves the phase out (the chips above and the step's detail say it) for the title. */
    private static final double PHASE_COLUMN_FROM = 760;
    /** The table's borders and vertical scroll bar, which the step's title leaves room for. */
    private static final double TABLE_EDGES = 20;

    private final Label clocks = new Label();
    private final PhaseChips phases = new PhaseChips();
    private final TableView<StepRun> steps = new TableView<>();
    private final Label stepTitle = new Label();
    private final Label command = new Label();
    private final Button copy = new Button("Copy");
    private final HBox commandLine = new HBox(8);
    private final TextFlow instructions = new TextFlow();
    private final TextArea output = new TextArea();
    private final StepProgress progress = new StepProgress();
    private final VBox confirmBar = new VBox(6);
    private final Label confirmPrompt = new Label();
    private final Label confirmCommand = new Label();
    private final TextField confirmText = new TextField();
    private final VBox tickBar = new VBox(6);
    private final Label tickPrompt = new Label();
    private final TextFlow tickInstructions = new TextFlow();
    private final TextField tickNote = new TextField();
    private final TextField note = new TextField();
    private final TextField skipReason = new TextField();
    private final Label problem = new Label();
    private final Timeline ticker;
    private final SplitPane middle = new SplitPane();
    private final VBox logPane = new VBox(8);
    private FollowNewest logFollower;
    /** What else shows the incident's clocks, told at each tick with the same reading so all agree to the second. */
    private final List<Consumer<IncidentClocks.Reading>> ticked = new ArrayList<>();

    private static final String DIVIDER = "incident.divider";
    /** A bar over the detail: its tint on the window's own background (a dark theme's tints are see-through). */
    /** A step's command, as code reads in a manual step's instructions. */
    private static final String COMMAND_STYLE = "-fx-font-family: monospace; -fx-text-fill: -color-accent-fg;";

    /** Another responder's event in the log: set apart from this laptop's own. */
    private static final String OTHERS_STYLE = "-fx-text-fill: -color-accent-fg; -fx-font-style: italic;";

    /** A responder gone silent or left. */
    private static final String ABSENT_STYLE = "-fx-text-fill: -color-fg-muted;";

    private static final double RESPONDER_ROW = 28;

    private static final String OPAQUE = "-fx-background-color: -color-bg-default, %s; -fx-background-insets: 0, 0;";
    /** The step the operator looks at; a step's new state replaces its row, which would drop the selection. */
    private String selectedStepId;

    private final RecordedValuesForm recorded;

    IncidentView(IncidentViewModel model, String title, IncidentMode mode, ExportPane export, Runnable onClose) {
        this.model = model;
        this.recorded = new RecordedValuesForm(model.clock());
        root.setId("incident-view");
        root.setTop(header(title, mode, onClose));
        middle.getItems().setAll(stepsPane(), logPane());
        middle.setDividerPositions(0.65);
        root.setCenter(middle);
        root.setBottom(export.root());
        model.steps().addListener((javafx.collections.ListChangeListener<StepRun>) c -> {
            followActiveStep(c);
            refreshBars();
            model.clocks().phases().forEach(phases::show); // a phase's open steps, as soon as one is settled
        });
        steps.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) selectedStepId = now.id();
            showDetail(now);
        });
        problem.textProperty().bind(model.problem());
        clocks.textProperty().bind(model.clocksLine());
        model.verdict().addListener((o, was, now) -> {
            clocks.getStyleClass().removeAll("danger", "success");
            if (now == IncidentViewModel.Verdict.MISSED) clocks.getStyleClass().add("danger");
            else if (now == IncidentViewModel.Verdict.RECOVERED)
                clocks.getStyleClass().add("success");
        });
        model.currentFigures().addListener((o, was, now) -> {
            if (was == null || !was.settledBy().equals(now.settledBy())) steps.refresh();
        });
        ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        model.state().addListener((o, was, now) -> tick());
        tick();
        refreshBars();
        steps.getSelectionModel().select(0);
    }

    Parent root() {
        return stack;
    }

    IncidentViewModel model() {
        return model;
    }

    /** The screen is left: its clock stops, and the incident is let go for another DR Pilot to drive. */
    void stop() {
        ticker.stop();
        model.close();
    }

    /** Where the operator left the divider between the steps and the log, kept between incidents and runs. */
    void rememberDivider(java.util.prefs.Preferences saved) {
        middle.setDividerPositions(saved.getDouble(DIVIDER, middle.getDividerPositions()[0]));
        middle.getDividers()
                .getFirst()
                .positionProperty()
                .addListener((o, was, now) -> saved.putDouble(DIVIDER, now.doubleValue()));
    }

    /** The live status of the incident's resources, in a tab beside the log. */
    /** The incident's responders above its log, once the team log names any. */
    void showTeam(TeamViewModel team) {
        Label heading = new Label("Responders");
        heading.getStyleClass().add("title-4");
        ListView<String> responders = new ListView<>(team.responders());
        responders.setId("responders-list");
        responders.setFixedCellSize(RESPONDER_ROW);
        // every responder in sight up to five, then it scrolls
        responders
                .prefHeightProperty()
                .bind(javafx.beans.binding.Bindings.min(5, javafx.beans.binding.Bindings.size(team.responders()))
                        .multiply(RESPONDER_ROW)
                        .add(4));
        responders.setMinHeight(Region.USE_PREF_SIZE);
        responders.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty ? null : line);
                setStyle(!empty && line != null && !line.endsWith("  present") ? ABSENT_STYLE : "");
            }
        });
        VBox box = new VBox(4, heading, responders);
        box.setId("responders");
        box.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(team.responders()));
        box.managedProperty().bind(box.visibleProperty());
        logPane.getChildren().add(0, box);
    }

    void showLiveStatus(Parent panel) {
        javafx.scene.Node log = middle.getItems().get(1);
        javafx.scene.control.Tab logTab = new javafx.scene.control.Tab("Incident log", log);
        javafx.scene.control.Tab statusTab = new javafx.scene.control.Tab("Live status", panel);
        statusTab.setId("status-tab");
        logTab.setOnSelectionChanged(e -> {
            if (logTab.isSelected()) logFollower.catchUp();
        });
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(logTab, statusTab);
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("incident-tabs");
        double[] dividers = middle.getDividerPositions();
        middle.getItems().set(1, tabs);
        middle.setDividerPositions(dividers);
    }

    /** A rehearsal's facilitator controls between the header and the steps; the latest inject, for the players, above the log. */
    void showFacilitator(FacilitatorBar bar) {
        root.setTop(new VBox((javafx.scene.Node) root.getTop(), bar.root()));
        logPane.getChildren().add(1, bar.latestInject());
        ticked.add(bar.model()::show);
        bar.model().show(model.clocks());
    }

    // ---- layout ----

    /**
     * The title (wrapped, never cut) with the incident's id under it, then its mode, state and the
     * acts on it, and the way back to the list; the clocks; the checklist's phases.
     */
    private VBox header(String title, IncidentMode mode, Runnable onClose) {
        Label name = new Label(title);
        name.setId("incident-title");
        name.getStyleClass().add("title-3");
        name.setWrapText(true);
        name.setMinWidth(160);
        name.setMinHeight(Region.USE_PREF_SIZE);
        Label id = new Label(model.incidentId());
        id.setId("incident-id");
        id.getStyleClass().add("text-muted");
        VBox named = new VBox(0, name, id);
        Label badge = new Label(mode == IncidentMode.REHEARSAL ? "REHEARSAL" : "LIVE INCIDENT");
        badge.setId("incident-mode");
        badge.getStyleClass().add(mode == IncidentMode.REHEARSAL ? "accent" : "danger");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        clocks.setId("incident-clocks");
        clocks.getStyleClass().add("title-4");
        clocks.setWrapText(true);
        clocks.setMinHeight(Region.USE_PREF_SIZE);
        Button back = new Button("All incidents");
        back.setId("back-to-start");
        back.setOnAction(e -> onClose.run());
        back.setMinWidth(Region.USE_PREF_SIZE);
        IncidentStateControls life = new IncidentStateControls(model);
        HBox line = new HBox(12, named, badge, life.controls(), back);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(named, Priority.ALWAYS);
        VBox header = new VBox(6, line, new DriverBanner(model).root(), clocks, life.bar(), phases.root());
        header.setPadding(new Insets(8, 16, 8, 16));
        header.getStyleClass().add("bg-subtle");
        return header;
    }

    private VBox stepsPane() {
        steps.setId("steps");
        steps.setItems(model.steps());
        steps.getStyleClass().add("dense");
        TableColumn<StepRun, String> title = column("Step", s -> s.step().title(), 200);
        title.setMinWidth(120);
        title.setMaxWidth(Double.MAX_VALUE);
        TableColumn<StepRun, String> phase =
                fixed(column("Phase", s -> shortName(s.step().phase()), 104));
        phase.visibleProperty().bind(steps.widthProperty().greaterThan(PHASE_COLUMN_FROM));
        steps.getColumns()
                .setAll(List.of(
                        fixed(column("#", s -> Integer.toString(model.steps().indexOf(s) + 1), 32)),
                        phase,
                        title,
                        fixed(column("State", s -> s.state().label(), 142)),
                        fixed(column("Time", model::elapsed, 58)),
                        fixed(column(
                                "Done by",
                                s -> model.currentFigures().get().settledBy().getOrDefault(s.id(), ""),
                                172))));
        title.prefWidthProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> Math.max(
                                title.getMinWidth(),
                                steps.getWidth()
                                        - TABLE_EDGES
                                        - steps.getColumns().stream()
                                                .filter(c -> c != title && c.isVisible())
                                                .mapToDouble(TableColumn::getPrefWidth)
                                                .sum()),
                        steps.widthProperty(),
                        phase.visibleProperty()));
        steps.setMinHeight(64);
        VBox.setVgrow(steps, Priority.ALWAYS);

        BooleanBinding elsewhere = model.drivenElsewhere().isNotNull();
        Button runNext = button("run-next", "Run to next confirmation", e -> model.runToNextConfirmation());
        runNext.getStyleClass().add("accent");
        Button runStep = button("run-step", "Run this step", e -> selected(s -> model.start(s.id())));
        Button cancel = button("cancel-step", "Cancel", e -> selected(s -> model.cancel(s.id())));
        for (Button stepAct : List.of(runNext, runStep, cancel))
            stepAct.disableProperty().bind(elsewhere);
        skipReason.setId("skip-reason");
        skipReason.setPromptText("why skip this step?");
        skipReason.setMinWidth(90);
        Button skip = button(
                "skip-step",
                "Skip",
                e -> selected(s -> {
                    model.skip(s.id(), skipReason.getText().strip());
                    skipReason.clear();
                }));
        skip.disableProperty().bind(skipReason.textProperty().isEmpty().or(elsewhere));
        skipReason.setOnAction(e -> skip.fire());
        HBox actions = new HBox(8, runNext, runStep, cancel, skipReason, skip);
        actions.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(skipReason, Priority.ALWAYS);

        ApprovalPanel approval = new ApprovalPanel(model.approvals());
        StackPane.setAlignment(approval.root(), Pos.TOP_CENTER);
        StackPane asking = new StackPane(detail(), confirmBar(), tickBar(), approval.root(), problemBar());
        asking.setId("step-asking");
        asking.setMinHeight(ASKING_HEIGHT);
        asking.setPrefHeight(ASKING_HEIGHT);
        asking.setMaxHeight(ASKING_HEIGHT);
        VBox pane = new VBox(8, steps, actions, asking);
        pane.setPadding(new Insets(10, 12, 10, 12));
        return pane;
    }

    /**
     * What the operator tried and could not do, in a sentence over the top of the detail (or of
     * what a step asks): nothing moves when it appears. A click puts it away; the next act does too.
     */
    private Label problemBar() {
        problem.setId("action-problem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.setMaxHeight(Region.USE_PREF_SIZE);
        problem.setPadding(new Insets(6, 8, 6, 8));
        problem.setStyle(OPAQUE.formatted("-color-danger-subtle"));
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.setOnMouseClicked(e -> model.dismissProblem());
        StackPane.setAlignment(problem, Pos.TOP_CENTER);
        return problem;
    }

    /** The selected step: its title in full, its command (Copy), its progress while it runs, a manual step's instructions, its output. */
    private VBox detail() {
        stepTitle.setId("step-title");
        stepTitle.getStyleClass().add("text-bold");
        stepTitle.setMinHeight(Region.USE_PREF_SIZE);
        command.setId("step-command");
        command.setStyle(COMMAND_STYLE);
        command.setWrapText(true);
        command.setMinHeight(Region.USE_PREF_SIZE);
        copy.setId("copy-command");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(command.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        commandLine.getChildren().setAll(command, copy);
        commandLine.setAlignment(Pos.CENTER_LEFT);
        commandLine.managedProperty().bind(commandLine.visibleProperty());
        HBox.setHgrow(command, Priority.ALWAYS);
        command.setMaxWidth(Double.MAX_VALUE);
        instructions.setId("step-instructions");
        instructions.managedProperty().bind(instructions.visibleProperty());
        output.setId("step-output");
        output.setEditable(false);
        output.setWrapText(true);
        output.setPrefRowCount(3);
        output.setMinHeight(0);
        VBox.setVgrow(output, Priority.ALWAYS);
        VBox detail = new VBox(6, stepTitle, commandLine, progress.root(), instructions, output);
        detail.setId("step-detail");
        return detail;
    }

    /** A destructive step waiting for its resource's name, typed, over the detail. */
    private VBox confirmBar() {
        confirmPrompt.setId("confirm-prompt");
        confirmPrompt.getStyleClass().add("danger");
        confirmPrompt.setWrapText(true);
        confirmPrompt.setMinHeight(Region.USE_PREF_SIZE);
        confirmCommand.setId("confirm-command");
        confirmCommand.setStyle(COMMAND_STYLE);
        confirmCommand.setWrapText(true);
        confirmText.setId("confirm-text");
        confirmText.setPromptText("type the resource's name");
        Button confirm = button("confirm-button", "Go ahead", e -> {
            model.confirm(confirmText.getText());
            confirmText.clear();
        });
        confirm.getStyleClass().add("danger");
        confirm.setMinWidth(Region.USE_PREF_SIZE);
        confirm.disableProperty()
                .bind(Bindings.createBooleanBinding(
                                () -> !model.confirms(confirmText.getText()), confirmText.textProperty(), model.steps())
                        .or(model.drivenElsewhere().isNotNull()));
        confirmText.setOnAction(e -> confirm.fire());
        HBox confirmLine = new HBox(8, confirmText, confirm);
        HBox.setHgrow(confirmText, Priority.ALWAYS);
        confirmBar.getChildren().setAll(confirmPrompt, confirmCommand, confirmLine);
        confirmBar.setId("confirm-bar");
        confirmBar.setStyle(OPAQUE.formatted("-color-danger-subtle"));
        confirmBar.setPadding(new Insets(8));
        confirmBar.setVisible(false);
        return confirmBar;
    }

    /** A manual step waiting for the operator: its instructions, the values it records, a note and Done; over the detail. */
    private VBox tickBar() {
        tickPrompt.setId("tick-prompt");
        tickPrompt.getStyleClass().add("text-bold");
        tickPrompt.setWrapText(true);
        tickPrompt.setMinHeight(Region.USE_PREF_SIZE);
        tickInstructions.setId("tick-instructions");
        tickNote.setId("tick-note");
        tickNote.setPromptText("what you found or did (optional)");
        Button tick = button("tick-off", "Done", e -> {
            model.tickOff(tickNote.getText().strip(), recorded.values());
            tickNote.clear();
        });
        tick.setMinWidth(Region.USE_PREF_SIZE);
        tick.disableProperty()
                .bind(recorded.valid().not().or(model.drivenElsewhere().isNotNull()));
        tickNote.setOnAction(e -> tick.fire());
        HBox tickLine = new HBox(8, tickNote, tick);
        HBox.setHgrow(tickNote, Priority.ALWAYS);
        VBox told = new VBox(6, tickPrompt, tickInstructions, recorded.root());
        ScrollPane scroll = new ScrollPane(told);
        scroll.setFitToWidth(true);
        scroll.setStyle("-fx-background-color: transparent; -fx-background: transparent;");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        tickBar.getChildren().setAll(scroll, tickLine);
        tickBar.setId("tick-bar");
        tickBar.setStyle(OPAQUE.formatted("-color-accent-subtle"));
        tickBar.setPadding(new Insets(8));
        tickBar.setVisible(false);
        return tickBar;
    }

    private VBox logPane() {
        Label heading = new Label("Incident log");
        heading.getStyleClass().add("title-4");
        heading.setMinWidth(Region.USE_PREF_SIZE);
        ChoiceBox<String> filter =
                new ChoiceBox<>(FXCollections.observableArrayList(IncidentViewModel.LOG_FILTERS.keySet()));
        filter.setId("log-filter");
        filter.valueProperty().bindBidirectional(model.logFilter());
        ListView<LogEntry> list = new ListView<>(model.logEntries());
        list.setId("log-list");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(LogEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setWrapText(true);
                setPrefWidth(0);
                setText(empty || entry == null ? null : entry.line());
                setStyle(!empty && entry != null && entry.fromOthers() ? OTHERS_STYLE : "");
            }
        });
        logFollower = FollowNewest.follow(list);
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
        logPane.getChildren().setAll(top, gapsHeading(), gapList(), list, noteLine);
        logPane.setPadding(new Insets(10, 12, 10, 12));
        return logPane;
    }

    /** "Gaps found (2)" and "Record a gap…", which stays open whatever the incident's state: gaps are found afterwards. */
    private HBox gapsHeading() {
        Label heading = new Label();
        heading.setId("gaps-heading");
        heading.getStyleClass().add("title-4");
        heading.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.gaps().isEmpty()
                                ? "No gaps recorded"
                                : "Gaps found (" + model.gaps().size() + ")",
                        model.gaps()));
        Button record = button("record-gap", "Record a gap…", e -> openGapForm());
        HBox line = new HBox(12, heading, record);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    /** Each gap: its due day (OVERDUE in red once past), owner, text and remediation; the whole of it in a tooltip. */
    private ListView<IncidentEvent> gapList() {
        ListView<IncidentEvent> gaps = new ListView<>(model.gaps());
        gaps.setId("gap-list");
        gaps.setPrefHeight(96);
        gaps.setMinHeight(48);
        gaps.visibleProperty().bind(Bindings.isNotEmpty(model.gaps()));
        gaps.managedProperty().bind(gaps.visibleProperty());
        gaps.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(IncidentEvent event, boolean empty) {
                super.updateItem(event, empty);
                getStyleClass().remove("danger");
                if (empty || !(event != null && event.data() instanceof EventData.GapRecorded gap)) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                String line = IncidentViewModel.gapLine(gap, LocalDate.now(ZoneOffset.UTC));
                setText(line);
                setTooltip(new Tooltip(line));
                if (gap.overdueOn(LocalDate.now(ZoneOffset.UTC)))
                    getStyleClass().add("danger");
            }
        });
        return gaps;
    }

    /** The form over the screen, which takes no input meanwhile; it goes when the gap is logged or cancelled. */
    private void openGapForm() {
        if (stack.getChildren().size() > 1) return;
        GapForm form = new GapForm(model.gapForm(), this::closeGapForm);
        root.setDisable(true);
        stack.getChildren().add(form.root());
        form.root().lookup("#gap-text").requestFocus();
    }

    private void closeGapForm() {
        stack.getChildren().removeIf(node -> GapForm.ID.equals(node.getId()));
        root.setDisable(false);
    }

    // ---- behaviour ----

    void focusNote() {
        note.requestFocus();
    }

    void runToNextConfirmation() {
        model.runToNextConfirmation();
    }

    private void addNote(boolean decision) {
        model.note(note.getText(), decision);
        note.clear();
    }

    private void selected(java.util.function.Consumer<StepRun> action) {
        StepRun step = steps.getSelectionModel().getSelectedItem();
        if (step != null) action.accept(step);
    }

    private void showDetail(StepRun step) {
        if (step == null) return;
        stepTitle.setText(step.step().title() + "  ·  " + step.step().phase().label());
        commandLine.setVisible(step.command() != null);
        command.setText(step.command() == null ? "" : step.command());
        instructions.setVisible(step.step().isManual());
        if (step.step().isManual()) MarkdownText.show(instructions, model.instructions(step.id()));
        StringBuilder text = new StringBuilder();
        if (step.message() != null) text.append(step.message()).append('\n');
        if (!step.outputs().isEmpty())
            step.outputs()
                    .forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
        output.setText(text.toString());
        progress.show(step, model.clock().instant());
    }

    /** The step that starts, waits or asks for the operator is the one shown. */
    private void followActiveStep(javafx.collections.ListChangeListener.Change<? extends StepRun> change) {
        while (change.next()) {
            if (!change.wasReplaced() && !change.wasAdded()) continue;
            for (StepRun step : change.getAddedSubList()) {
                if (step.state().isActive()
                        || step.state() == dev.drpilot.engine.StepState.AWAITING_CONFIRMATION
                        || step.state() == dev.drpilot.engine.StepState.AWAITING_OPERATOR
                        || step.state() == dev.drpilot.engine.StepState.AWAITING_APPROVAL
                        || step.state() == dev.drpilot.engine.StepState.FAILED) {
                    steps.getSelectionModel().select(model.steps().indexOf(step));
                }
            }
        }
    }

    private void refreshBars() {
        StepRun waiting = model.awaitingConfirmation();
        confirmBar.setVisible(waiting != null);
        if (waiting != null) {
            confirmPrompt.setText(model.confirmationPrompt(waiting));
            confirmCommand.setText(waiting.command() == null ? "" : waiting.command());
        }
        StepRun manual = model.awaitingOperator();
        tickBar.setVisible(manual != null && waiting == null);
        if (manual != null) {
            tickPrompt.setText(manual.step().title());
            MarkdownText.show(tickInstructions, model.instructions(manual.id()));
            recorded.show(manual.step().records());
        }
        if (steps.getSelectionModel().getSelectedItem() == null && selectedStepId != null) {
            for (int i = 0; i < model.steps().size(); i++) {
                if (model.steps().get(i).id().equals(selectedStepId))
                    steps.getSelectionModel().select(i);
            }
        }
        showDetail(steps.getSelectionModel().getSelectedItem());
        steps.refresh();
    }

    /** The screen's second: the figures and clocks read once, for the phases, the facilitator's bar and the running steps alike. */
    private void tick() {
        IncidentClocks.Reading reading = model.tick().clocks();
        reading.phases().forEach(phases::show);
        ticked.forEach(listener -> listener.accept(reading));
        refreshRunningTimes();
        model.approvals().tick(model.clock().instant());
        progress.show(steps.getSelectionModel().getSelectedItem(), model.clock().instant());
    }

    /** "Immediate", "Recovery", "Validation", "Post-recovery": the table's narrow column. */
    private static String shortName(Phase phase) {
        return Character.toUpperCase(phase.yamlName().charAt(0))
                + phase.yamlName().substring(1);
    }

    private void refreshRunningTimes() {
        if (model.steps().stream().anyMatch(s -> s.state().isActive())) steps.refresh();
    }

    private static Button button(String id, String text, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(action);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    /** A column as wide as its content needs, which the step's title gives room to. */
    private static <T> TableColumn<T, String> fixed(TableColumn<T, String> column) {
        column.setMinWidth(column.getPrefWidth());
        column.setMaxWidth(column.getPrefWidth());
        return column;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
