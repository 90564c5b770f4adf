package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.rehearsal.ExerciseLoader;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A newcomer's first minutes: an empty log offers the sample rehearsal; a tabletop is started at
 * 60x, the facilitator adds an inject, the players run the steps and confirm the destructive one,
 * and the scorecard is exported. The backend has no engine for real calls at all: a tabletop
 * never needs one.
 */
@ExtendWith(ApplicationExtension.class)
class TabletopRehearsalTest {

    @TempDir
    Path dir;

    private Stage stage;
    private MainWindow window;
    private IncidentLogStore log;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindows.open(stage);
    }

    @AfterEach
    void close() {
        if (log != null) log.close();
    }

    private static <T extends Node> T find(FxRobot robot, String id, Class<T> type) {
        return TestWindows.find(robot, id, type);
    }

    @Test
    void aNewcomerRehearsesAtTheTableAndExportsTheScorecard(FxRobot robot) throws Exception {
        FxThreadWatch watch = new FxThreadWatch();
        log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
        ActionCatalog catalog = ActionCatalog.builtIn();
        var runbooks =
                new RunbookLoader(catalog).load(List.of(Path.of("runbooks"))).runbooks();
        var exercises = new ExerciseLoader(runbooks, catalog)
                .loadFolder(Path.of("runbooks/exercises"))
                .exercises();
        UiBackend backend = UiBackends.of(
                runbooks,
                exercises,
                log,
                UiBackends.engineOn(log, dir),
                dir.resolve("exports"),
                () -> "no AWS in a rehearsal",
                run -> List.of(),
                ParameterSuggestions.NONE,
                DrPilotServices.fromEnvironment().tabletops(),
                TeamLogLink.NONE);
        WaitForAsyncUtils.asyncFx(() -> window.attach(backend)).get();
        Awaitility.await().until(() -> find(robot, "#first-run", Node.class).isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        watch.pause(true);
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), "first-run"))
                .get();
        watch.pause(false);

        robot.clickOn("#rehearse-sample");
        assertThat(find(robot, "#exercise-title", Label.class).getText())
                .contains("bad migration corrupts the Druid metadata");
        assertThat(find(robot, "#exercise-situation", Label.class).getText())
                .contains("relation druid_segments does not exist");
        watch.pause(true);
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), "rehearsal-setup"))
                .get();
        watch.pause(false);
        robot.clickOn("#setup-back");

        robot.clickOn("#scenario-search").write("lambda function failure");
        robot.type(KeyCode.ENTER);
        assertThat(find(robot, "#exercise-title", Label.class).getText()).contains("A Lambda release throws");
        WaitForAsyncUtils.asyncFx(() -> find(robot, "#setup-speed", ChoiceBox.class)
                        .getSelectionModel()
                        .selectLast())
                .get();
        robot.clickOn("#start-tabletop");
        Awaitility.await().until(() -> TestWindows.present(robot, "#facilitator-bar"));
        assertThat(find(robot, "#incident-mode", Label.class).getText()).isEqualTo("REHEARSAL");
        // the failure began 5 minutes before the start and the RTO target is 1 minute: the breach is told at once. A
        // notice
        // stays 10 s, so on a slow machine it is caught as it comes rather than looked for later
        List<String> notices = new CopyOnWriteArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
                    Pane shown = robot.lookup("#notifications").queryAs(Pane.class);
                    shown.getChildren().forEach(n -> notices.add(((Label) n).getText()));
                    shown.getChildren().addListener((ListChangeListener<Node>) change -> {
                        while (change.next()) change.getAddedSubList().forEach(n -> notices.add(((Label) n).getText()));
                    });
                })
                .get();
        // at the fastest speed a later inject may already stand in the facilitator's bar: the scripted one is read in
        // the log
        Awaitility.await()
                .until(() -> find(robot, "#log-list", ListView.class).getItems().stream()
                        .anyMatch(e -> ((LogEntry) e).event().data() instanceof EventData.Inject inject
                                && inject.text().contains("Cannot find module")));

        robot.clickOn("#inject-text")
                .write("The VP of engineering joins the bridge")
                .type(KeyCode.ENTER);
        Awaitility.await()
                .until(() ->
                        find(robot, "#latest-inject", Label.class).getText().contains("VP of engineering"));

        robot.clickOn("#run-next");
        Awaitility.await()
                .atMost(60, TimeUnit.SECONDS)
                .until(() -> find(robot, "#confirm-bar", Node.class).isVisible());
        String prompt = find(robot, "#confirm-prompt", Label.class).getText();
        String name = prompt.replaceFirst("(?s).*Type (\\S+) to go ahead.*", "$1");
        robot.clickOn("#confirm-text").write(name);
        robot.clickOn("#confirm-button");
        TableView<?> steps = find(robot, "#steps", TableView.class);
        Awaitility.await()
                .atMost(60, TimeUnit.SECONDS)
                .until(() -> steps.getItems().stream()
                        .allMatch(s -> ((dev.drpilot.engine.StepRun) s).state() == StepState.SUCCEEDED));
        WaitForAsyncUtils.waitForFxEvents();
        watch.pause(true);
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), "rehearsal"))
                .get();
        watch.pause(false);

        assertThat(find(robot, "#export-format", ChoiceBox.class).getValue()).isEqualTo("scorecard");
        robot.clickOn("#export-button");
        Awaitility.await()
                .until(() ->
                        find(robot, "#export-result", Label.class).getText().startsWith("Wrote "));
        Path scorecard =
                Path.of(find(robot, "#export-result", Label.class).getText().substring("Wrote ".length()));
        String md = Files.readString(scorecard);
        assertThat(md)
                .contains("# Rehearsal scorecard: Lambda")
                .contains("| RTO (time to recover) |")
                .contains("The VP of engineering joins the bridge");

        var rehearsal = log.incidents().getFirst();
        assertThat(rehearsal.mode()).isEqualTo(IncidentMode.REHEARSAL);
        assertThat(log.events(rehearsal.id())).noneMatch(e -> e.kind() == EventKind.API_CALL);
        watch.close();
        assertThat(watch.blockingSeen())
                .as("the FX thread waiting on the log, the database, the network or an SDK")
                .isEmpty();
    }
}
