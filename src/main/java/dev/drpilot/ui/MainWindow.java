package dev.drpilot.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.RunbookChange;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.readiness.VerdictChanges;
import dev.drpilot.rehearsal.Exercise;
import dev.drpilot.rehearsal.Tabletop;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookKind;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The window: a header (the team log's state, theme, help), and one screen at a time: the incidents, the scenario
 * picker, the parameters, or an incident. Shows at once; the log and runbooks arrive with
 * {@link #attach} when they are ready.
 */
public final class MainWindow {

    static final String TITLE = "DR Pilot";
    static final String SHORTCUTS = """
            Ctrl+Enter   run the incident to its next confirmation
            Ctrl+L       write a note in the log
            Ctrl+E       export the post-mortem
            Ctrl+D       dark or light theme
            F1           this help; Esc closes it""";

    /** How often the live status panel reads its resources while they answer. */
    private static final java.time.Duration LIVE_STATUS_EVERY = java.time.Duration.ofSeconds(10);

    private final TaskRunner tasks;
    private final StackPane root = new StackPane();
    private final BorderPane content = new BorderPane();
    private final VBox help = new VBox(12);
    private final ToggleButton dark = new ToggleButton("Dark");
    private final StartViewModel startModel;
    private final TeamLogStatusModel teamLogStatus;
    private final StartView start;
    private final Notifications notifications = new Notifications();
    private final LogStoppedBanner logStopped;
    private java.util.function.Consumer<java.nio.file.Path> opener = file -> {};
    private java.util.prefs.Preferences layout;
    private UiBackend backend;
    private UiSettings settings = new UiSettings("", "", "", "", "", "");
    private java.util.function.Consumer<UiSettings> reconnect = changed -> {};
    private IncidentMode mode = IncidentMode.LIVE;
    private IncidentView incident;
    private ExportPane export;
    private Tabletop tabletop;
    private LiveStatus liveStatus;
    private TeamViewModel team;

    /** @param tasks where the screens' slow work runs, built once for the window's life */
    MainWindow(TaskRunner tasks) {
        this.tasks = tasks;
        teamLogStatus = new TeamLogStatusModel(tasks);
        logStopped = new LogStoppedBanner(tasks, this::askFolder);
        startModel = new StartViewModel(tasks, Clock.systemUTC());
        start = new StartView(startModel, this::pickScenario, this::resume, this::rehearseSample, this::showReadiness);
        root.setId("main-window");
        content.setTop(new VBox(header(), logStopped.root()));
        content.setCenter(start.root());
        Label keys = new Label(SHORTCUTS);
        keys.setId("help-text");
        keys.getStyleClass().add("code");
        Label heading = new Label("Keyboard shortcuts");
        heading.getStyleClass().add("title-3");
        help.getChildren().addAll(heading, keys);
        help.setId("help-overlay");
        help.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        help.setPadding(new Insets(24));
        help.getStyleClass().addAll("bg-default", "elevated-2");
        help.setVisible(false);
        help.setOnMouseClicked(e -> help.setVisible(false));
        StackPane.setAlignment(notifications.root(), Pos.BOTTOM_RIGHT);
        notifications.fitWithin(root.widthProperty());
        root.getChildren().addAll(content, notifications.root(), help);
    }

    public Parent root() {
        return root;
    }

    /** The keyboard shortcuts of the window (listed in the help, F1). */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), () -> {
            if (incident != null) incident.runToNextConfirmation();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), () -> {
            if (incident != null) incident.focusNote();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), () -> {
            if (export != null) export.fire();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), dark::fire);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), () -> help.setVisible(!help.isVisible()));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), () -> help.setVisible(false));
    }

    /** Where the layout (the incident screen's divider) is kept between runs; tests keep none. */
    public void rememberLayoutIn(java.util.prefs.Preferences saved) {
        layout = saved;
    }

    /** How an exported file is opened (the desktop's default application for it); tests leave it closed. */
    public void openExportsWith(java.util.function.Consumer<java.nio.file.Path> open) {
        opener = open;
    }

    /** Light or dark, for the whole application. */
    public void setDark(boolean on) {
        dark.setSelected(on);
        useTheme(on);
    }

    /**
     * Sets the light or dark theme for every window. Called before the first control is made, it also
     * spares the start the parsing of JavaFX's own default theme, which a control's class loads when
     * no other is set.
     */
    public static void useTheme(boolean dark) {
        Application.setUserAgentStylesheet(
                dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    public boolean isDark() {
        return dark.isSelected();
    }

    /** The saved settings, and what to do when the operator changes them (build a new backend). */
    public void useSettings(UiSettings saved, java.util.function.Consumer<UiSettings> onChange) {
        settings = saved;
        reconnect = onChange;
    }

    /** The runbooks, log and engine are ready: list the incidents. */
    public void attach(UiBackend ready) {
        backend = ready;
        logStopped.watch(ready.log());
        teamLogStatus.watch(ready.teamLog());
        showStart();
    }

    /** A folder to go on in, where the log's disk cannot take it; empty when the operator cancels. */
    private Optional<java.nio.file.Path> askFolder() {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle("Continue the incident log in another folder (on another disk)");
        return Optional.ofNullable(chooser.showDialog(root.getScene().getWindow()))
                .map(java.io.File::toPath);
    }

    /** The backend could not be built: say why on the start screen. */
    public void failed(String message) {
        startModel.logUnavailable(message);
    }

    private HBox header() {
        Label name = new Label(TITLE);
        name.setId("app-name");
        name.getStyleClass().add("title-2");
        Label tagline = new Label("Disaster recovery, step by step, on the record");
        tagline.setId("app-tagline");
        tagline.getStyleClass().add("text-muted");
        Region space = new Region();
        HBox.setHgrow(space, Priority.ALWAYS);
        dark.setId("theme-toggle");
        dark.setOnAction(e -> setDark(dark.isSelected()));
        Button settingsButton = new Button("Settings");
        settingsButton.setId("settings-button");
        settingsButton.setOnAction(e -> showSettings());
        Button helpButton = new Button("Shortcuts (F1)");
        helpButton.setId("help-button");
        helpButton.setOnAction(e -> help.setVisible(!help.isVisible()));
        HBox header = new HBox(
                16, name, tagline, space, new TeamLogBadge(teamLogStatus).root(), dark, settingsButton, helpButton);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 16, 8, 16));
        header.getStyleClass().add("bg-subtle");
        return header;
    }

    private void showSettings() {
        leaveIncident();
        SettingsModel model = new SettingsModel(
                settings,
                () -> backend == null ? "Not connected yet" : backend.whoAmI().get(),
                tasks);
        SettingsView view = new SettingsView(
                model,
                changed -> {
                    settings = changed;
                    startModel.failed("Reconnecting with the new settings...");
                    content.setCenter(start.root());
                    reconnect.accept(changed);
                },
                () -> {
                    if (backend != null) showStart();
                    else content.setCenter(start.root());
                });
        content.setCenter(view.root());
    }

    private void showReadiness() {
        leaveIncident();
        ReadinessModel model = new ReadinessModel(
                tasks,
                backend.readiness(),
                backend.readinessLog(),
                breached -> breached.forEach(
                        row -> notifications.show(new Notifications.Notice(VerdictChanges.notice(row), true))));
        content.setCenter(new ReadinessView(model, this::showStart).root());
        model.load();
    }

    private void showStart() {
        leaveIncident();
        content.setCenter(start.root());
        startModel.load(backend.log());
    }

    private void leaveIncident() {
        notifications.clear();
        if (incident != null) incident.stop();
        if (tabletop != null) tabletop.close();
        if (liveStatus != null) liveStatus.close();
        if (team != null) team.close();
        team = null;
        liveStatus = null;
        incident = null;
        export = null;
        tabletop = null;
    }

    private void pickScenario(IncidentMode chosen) {
        mode = chosen;
        ScenarioPicker picker = new ScenarioPicker(
                new ScenarioPickerModel(
                        chosen == IncidentMode.REHEARSAL
                                ? "Rehearse a scenario"
                                : "Declare an incident: which scenario?",
                        backend.runbooks(),
                        this::chosen),
                this::showStart);
        content.setCenter(picker.root());
        picker.focusSearch();
    }

    /**
     * A scenario was chosen: a live incident asks for its parameters; a rehearsal of a recovery
     * runbook is a tabletop (nothing is called); a drill or the checklist run for real.
     */
    private void chosen(Runbook runbook) {
        if (mode != IncidentMode.REHEARSAL || runbook.kind() != RunbookKind.RECOVERY) {
            askParameters(runbook);
            return;
        }
        Optional<Exercise> exercise = backend.exerciseFor(runbook);
        if (exercise.isEmpty()) {
            startModel.failed("No tabletop exercise for " + runbook.id()
                    + " in runbooks/exercises: a recovery runbook is only rehearsed at the table.");
            showStart();
            return;
        }
        RehearsalSetup setup = new RehearsalSetup(
                new RehearsalSetupModel(
                        exercise.get(),
                        runbook,
                        (chosenExercise, speed) -> startTabletop(chosenExercise, runbook, speed)),
                () -> pickScenario(mode));
        content.setCenter(setup.root());
    }

    private void rehearseSample() {
        mode = IncidentMode.REHEARSAL;
        backend.exercises().stream()
                .filter(e -> e.id().equals(UiBackend.SAMPLE_EXERCISE))
                .findFirst()
                .flatMap(e -> backend.runbook(e.runbookId()))
                .ifPresentOrElse(
                        this::chosen,
                        () -> startModel.failed("The sample exercise " + UiBackend.SAMPLE_EXERCISE
                                + " is not among the exercises: start DR Pilot from the folder"
                                + " that holds its runbooks/ folder, or from its installed app."));
    }

    private void startTabletop(Exercise exercise, Runbook runbook, int speed) {
        tasks.run(
                () -> {
                    try {
                        return backend.tabletops()
                                .start(exercise, runbook, speed, System.getProperty("user.name", "facilitator"));
                    } catch (dev.drpilot.engine.InvalidParametersException e) {
                        throw new IllegalArgumentException(e.getMessage(), e);
                    }
                },
                started -> showTabletop(started, runbook),
                startModel::failed);
    }

    private void showTabletop(Tabletop started, Runbook runbook) {
        showIncident(started.run(), runbook, IncidentMode.REHEARSAL, false);
        tabletop = started;
        incident.showFacilitator(new FacilitatorBar(
                new FacilitatorModel(started, incident.model().events(), tasks)));
    }

    private void askParameters(Runbook runbook) {
        ParameterForm form = new ParameterForm(
                new ParameterFormModel(runbook, mode, backend.suggestions(), tasks, Clock.systemUTC(), this::declare),
                () -> pickScenario(mode));
        content.setCenter(form.root());
    }

    private void declare(Runbook runbook, Map<String, String> values) {
        IncidentMode declaredMode = mode;
        tasks.run(
                () -> {
                    try {
                        return backend.engine()
                                .declare(
                                        runbook,
                                        values,
                                        new NewIncident(runbook.id(), runbook.title(), declaredMode, null, null, null));
                    } catch (dev.drpilot.engine.InvalidParametersException e) {
                        throw new IllegalArgumentException(e.getMessage(), e);
                    }
                },
                run -> showIncident(run, runbook, declaredMode, true),
                startModel::failed);
    }

    private void resume(Incident chosen) {
        Optional<Runbook> runbook = backend.runbooks().stream()
                .filter(r -> r.id().equals(chosen.runbookId()))
                .findFirst();
        if (runbook.isEmpty()) {
            startModel.failed("The runbook " + chosen.runbookId() + " of " + chosen.id()
                    + " is not among the runbooks: nothing was resumed.");
            return;
        }
        startModel.checkRunbook(
                backend.engine(),
                chosen,
                runbook.get(),
                change -> askAboutRunbook(chosen, runbook.get(), change),
                accepted -> resume(chosen, runbook.get(), accepted));
    }

    /** The runbook changed since the incident recorded it: the difference over the window, Resume or Cancel. */
    private void askAboutRunbook(Incident chosen, Runbook runbook, RunbookChange change) {
        content.setDisable(true);
        RunbookChangeDialog dialog = new RunbookChangeDialog(
                change,
                () -> {
                    closeDialog();
                    resume(chosen, runbook, change);
                },
                () -> {
                    closeDialog();
                    startModel.notResumed(change);
                });
        root.getChildren().add(dialog.root());
        dialog.root().lookup("#runbook-change-cancel").requestFocus();
    }

    private void closeDialog() {
        root.getChildren().removeIf(node -> "runbook-change-dialog".equals(node.getId()));
        content.setDisable(false);
    }

    /** @param accepted the runbook change the operator saw and accepted, or null when the runbook is as recorded */
    private void resume(Incident chosen, Runbook runbook, RunbookChange accepted) {
        if (chosen.mode() == IncidentMode.REHEARSAL && runbook.kind() == RunbookKind.RECOVERY) {
            tasks.run(
                    () -> {
                        try {
                            return backend.tabletops()
                                    .resume(
                                            chosen,
                                            runbook,
                                            backend.exercises(),
                                            RehearsalSetupModel.DEFAULT_SPEED,
                                            accepted);
                        } catch (dev.drpilot.engine.InvalidParametersException e) {
                            throw new IllegalArgumentException(e.getMessage(), e);
                        }
                    },
                    resumed -> showTabletop(resumed, runbook),
                    startModel::failed);
            return;
        }
        tasks.run(
                () -> {
                    try {
                        return backend.engine().resume(chosen, runbook, Map.of(), accepted);
                    } catch (dev.drpilot.engine.InvalidParametersException e) {
                        throw new IllegalArgumentException(e.getMessage(), e);
                    }
                },
                run -> showIncident(run, runbook, chosen.mode(), true),
                startModel::failed);
    }

    private void showIncident(IncidentRun run, Runbook runbook, IncidentMode incidentMode, boolean watchResources) {
        leaveIncident();
        backend.teamLog().follow(run);
        export = new ExportPane(new ExportModel(
                backend.exports(),
                run.incidentId(),
                Optional.of(runbook),
                backend.exportFolder(),
                incidentMode,
                tasks,
                opener));
        incident = new IncidentView(
                new IncidentViewModel(run, tasks, backend.teamLog().approvals()),
                runbook.title(),
                incidentMode,
                export,
                this::showStart);
        team = new TeamViewModel(backend.teamLog(), incident.model(), tasks);
        incident.showTeam(team);
        incident.model().onNews(e -> Notifications.noticeFor(e, runbook).ifPresent(notifications::show));
        content.setCenter(incident.root());
        if (layout != null) incident.rememberDivider(layout);
        if (watchResources) {
            liveStatus = new LiveStatus(backend.liveStatus().apply(run), LIVE_STATUS_EVERY);
            incident.showLiveStatus(new StatusPanel(liveStatus).root());
            liveStatus.start();
        }
    }
}
