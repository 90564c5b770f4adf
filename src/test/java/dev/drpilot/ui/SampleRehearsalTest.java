package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentState;
import dev.drpilot.rehearsal.ExerciseLoader;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
 * The sample rehearsal, played from the empty start screen to its scorecard the way a newcomer
 * clicks: only what the screen offers at each moment (run the next steps, the typed field of the
 * value a manual step records, the confirmation, "Close incident"), never a call into the code.
 */
@ExtendWith(ApplicationExtension.class)
class SampleRehearsalTest {

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

    private <T extends Node> T find(FxRobot robot, String id, Class<T> type) {
        return TestWindows.find(robot, id, type);
    }

    private boolean shown(FxRobot robot, String id) {
        return TestWindows.present(robot, id) && find(robot, id, Node.class).isVisible();
    }

    @Test
    void aNewcomerPlaysTheSampleToItsScorecardClickingOnlyWhatTheScreenOffers(FxRobot robot) throws Exception {
        log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "newcomer");
        ActionCatalog catalog = ActionCatalog.builtIn();
        var runbooks =
                new RunbookLoader(catalog).load(List.of(Path.of("runbooks"))).runbooks();
        var exercises = new ExerciseLoader(runbooks, catalog)
                .loadFolder(Path.of("runbooks/exercises"))
                .exercises();
        WaitForAsyncUtils.asyncFx(() -> window.attach(UiBackends.of(
                        runbooks,
                        exercises,
                        log,
                        UiBackends.engineOn(log, dir),
                        dir.resolve("exports"),
                        () -> "no AWS in a rehearsal",
                        run -> List.of(),
                        ParameterSuggestions.NONE,
                        DrPilotServices.fromEnvironment().tabletops(),
                        TeamLogLink.NONE)))
                .get();
        Awaitility.await().until(() -> shown(robot, "#first-run"));

        robot.clickOn("#rehearse-sample");
        WaitForAsyncUtils.asyncFx(() -> find(robot, "#setup-speed", ChoiceBox.class)
                        .getSelectionModel()
                        .selectLast())
                .get();
        robot.clickOn("#start-tabletop");
        Awaitility.await().until(() -> TestWindows.present(robot, "#facilitator-bar"));
        TableView<?> steps = find(robot, "#steps", TableView.class);

        boolean typedAValue = false;
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!allSettled(steps)) {
            assertThat(System.nanoTime()).as("the rehearsal reached its end").isLessThan(giveUp);
            if (shown(robot, "#tick-bar")) {
                if (shown(robot, "#record-firstError")) {
                    assertThat(find(robot, "#tick-off", Button.class).isDisabled())
                            .as("Done waits for the value")
                            .isTrue();
                    robot.clickOn("#record-firstError-now");
                    assertThat(find(robot, "#record-firstError-problem", Label.class)
                                    .getText())
                            .contains("UTC");
                    typedAValue = true;
                }
                robot.clickOn("#tick-note").write("seen in the coordinator log");
                robot.clickOn("#tick-off");
            } else if (shown(robot, "#confirm-bar")) {
                String prompt = find(robot, "#confirm-prompt", Label.class).getText();
                robot.clickOn("#confirm-text").write(prompt.replaceFirst("(?s).*Type (\\S+) to go ahead.*", "$1"));
                robot.clickOn("#confirm-button");
            } else if (!find(robot, "#run-next", Button.class).isDisabled() && noneActive(steps)) {
                robot.clickOn("#run-next");
            }
            Thread.sleep(300); // the rehearsal's clock moves the steps on; a person waits too
        }
        assertThat(typedAValue)
                .as("the first manual step asked for the first error's time in a field of its own")
                .isTrue();
        Awaitility.await()
                .until(() ->
                        find(robot, "#incident-state", Label.class).getText().equals("RECOVERED"));
        assertThat(find(robot, "#incident-clocks", Label.class).getText()).contains("Recovered in");

        robot.clickOn("#close-incident");
        assertThat(shown(robot, "#state-bar")).as("the summary is asked for").isTrue();
        robot.clickOn("#state-text").write("Restored to five minutes before the bad migration; the team met the RTO.");
        robot.clickOn("#state-go");
        Awaitility.await()
                .untilAsserted(() -> assertThat(
                                find(robot, "#incident-state", Label.class).getText())
                        .as(find(robot, "#action-problem", Label.class).getText())
                        .isEqualTo("CLOSED"));
        Awaitility.await()
                .until(() ->
                        find(robot, "#incident-clocks", Label.class).getText().startsWith("Lasted "));
        String clocks = find(robot, "#incident-clocks", Label.class).getText();
        Thread.sleep(1500);
        assertThat(find(robot, "#incident-clocks", Label.class).getText())
                .as("every clock stopped")
                .isEqualTo(clocks);
        assertThat(shown(robot, "#reopen-incident")).isTrue();
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), "rehearsal-closed"))
                .get();

        robot.clickOn("#export-button");
        Awaitility.await()
                .until(() ->
                        find(robot, "#export-result", Label.class).getText().startsWith("Wrote "));
        String scorecard = Files.readString(
                Path.of(find(robot, "#export-result", Label.class).getText().substring("Wrote ".length())));
        assertThat(scorecard).contains("| RTO (time to recover) |").doesNotContain("not recovered");

        var rehearsal = log.incidents().getFirst();
        assertThat(rehearsal.state()).isEqualTo(IncidentState.CLOSED);
        assertThat(log.events(rehearsal.id()))
                .extracting(e -> e.kind())
                .contains(EventKind.INCIDENT_RECOVERED, EventKind.INCIDENT_CLOSED)
                .doesNotContain(EventKind.API_CALL);
        assertThat(log.events(rehearsal.id()).stream()
                        .filter(e -> e.kind() == EventKind.STEP_SUCCEEDED && "find-time".equals(e.stepId())))
                .singleElement()
                .satisfies(e -> assertThat(e.payload()).contains("firstError"));
    }

    private static boolean allSettled(TableView<?> steps) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> steps.getItems().stream()
                        .allMatch(s -> ((StepRun) s).state().isSettled()))
                .get();
    }

    private static boolean noneActive(TableView<?> steps) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> steps.getItems().stream()
                        .noneMatch(s -> ((StepRun) s).state().isActive()
                                || ((StepRun) s).state() == StepState.AWAITING_CONFIRMATION))
                .get();
    }
}
