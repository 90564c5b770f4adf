package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.AwsSettings;
import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.action.k8s.KubeSettings;
import dev.drpilot.app.cli.TerminalChild;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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
 * The window and the command line on one log: the checklist runs from a terminal (a process of
 * its own) while the window opens the same incident. The window says who drives it and where,
 * shows each step the terminal settles, refuses its own steps, takes notes, and takes the
 * incident over with one click, after which the terminal stops and the window runs the steps.
 */
@ExtendWith(ApplicationExtension.class)
class WindowAndTerminalTest {

    @TempDir
    Path dir;

    private MainWindow window;
    private IncidentLogStore log;

    @Start
    void start(Stage stage) {
        window = TestWindows.open(stage);
    }

    @AfterEach
    void close() {
        if (log != null) log.close();
    }

    private static <T extends Node> T find(FxRobot robot, String id, Class<T> type) {
        return TestWindows.find(robot, id, type);
    }

    private static StepState state(TableView<?> steps, int row) {
        return ((StepRun) steps.getItems().get(row)).state();
    }

    @Test
    void theWindowFollowsTheTerminalSaysWhoDrivesAndTakesItOver(FxRobot robot) throws Exception {
        try (TerminalChild terminal = TerminalChild.drpilot(
                        "run", "recovery-checklist", "--log", dir.resolve("log").toString());
                FxThreadWatch watch = new FxThreadWatch()) {
            terminal.awaitLine("Which architecture, which services");
            log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "bob");
            var runbooks = new RunbookLoader(ActionCatalog.builtIn())
                    .load(List.of(Path.of("runbooks")))
                    .runbooks();
            UiBackend backend = UiBackends.of(
                    runbooks,
                    log,
                    DrPilotServices.fromEnvironment()
                            .engine(
                                    log,
                                    new AwsClients(AwsSettings.of(null, "us-west-2", null)),
                                    new KubeClients(new KubeSettings(dir.resolve("no-kubeconfig"), null))),
                    dir.resolve("exports"),
                    () -> "no AWS in this test");
            WaitForAsyncUtils.asyncFx(() -> window.attach(backend)).get();
            Awaitility.await()
                    .until(() -> find(robot, "#unfinished", Node.class).isVisible());
            robot.clickOn("#resume-unfinished");
            Awaitility.await().until(() -> TestWindows.present(robot, "#incident-view"));

            Awaitility.await()
                    .until(() -> find(robot, "#driver-banner", Node.class).isVisible());
            assertThat(find(robot, "#driver-banner-text", Label.class).getText())
                    .startsWith("Driven by " + System.getProperty("user.name") + " on ")
                    .contains("(pid " + terminal.pid() + ") since ");
            assertThat(find(robot, "#take-over", Button.class).getText())
                    .startsWith("Take over from " + System.getProperty("user.name") + "@");
            assertThat(find(robot, "#run-next", Button.class).isDisabled()).isTrue();
            assertThat(find(robot, "#run-step", Button.class).isDisabled()).isTrue();
            robot.press(KeyCode.CONTROL)
                    .press(KeyCode.ENTER)
                    .release(KeyCode.ENTER)
                    .release(KeyCode.CONTROL);
            Awaitility.await()
                    .until(() -> find(robot, "#action-problem", Label.class)
                            .getText()
                            .contains("(pid " + terminal.pid() + ")"));
            assertThat(find(robot, "#action-problem", Label.class).getText())
                    .contains(" is driven by ")
                    .contains("take it over");

            robot.clickOn("#note-text").write("bridge call open").type(KeyCode.ENTER);
            terminal.answer("scope: Druid only");
            TableView<?> steps = find(robot, "#steps", TableView.class);
            Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> state(steps, 0) == StepState.SUCCEEDED);
            ListView<?> logList = find(robot, "#log-list", ListView.class);
            Awaitility.await()
                    .atMost(10, TimeUnit.SECONDS)
                    .until(() -> logList.getItems().stream()
                            .anyMatch(e -> ((LogEntry) e).event().payload().contains("scope: Druid only")));
            assertThat(logList.getItems())
                    .anyMatch(e -> ((LogEntry) e).event().payload().contains("bridge call open"));
            terminal.awaitLine("Page the on-call engineers");

            robot.clickOn("#take-over");
            Awaitility.await()
                    .until(() -> !find(robot, "#driver-banner", Node.class).isVisible());
            terminal.awaitLine("over: this terminal no longer drives it.");
            Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> state(steps, 1) == StepState.CANCELLED);
            WaitForAsyncUtils.asyncFx(() -> steps.getSelectionModel().select(1)).get();
            robot.clickOn("#run-step");
            Awaitility.await().until(() -> find(robot, "#tick-bar", Node.class).isVisible());
            robot.clickOn("#tick-note").write("paged from the window").type(KeyCode.ENTER);
            Awaitility.await().until(() -> state(steps, 1) == StepState.SUCCEEDED);

            terminal.answer("");
            assertThat(terminal.exitStatus()).isEqualTo(3);
            String id = log.incidents().getFirst().id();
            List<IncidentEvent> events = log.events(id);
            assertThat(events)
                    .filteredOn(e -> e.kind() == EventKind.INCIDENT_TAKEN_OVER)
                    .singleElement()
                    .satisfies(e -> assertThat(e.actor()).isEqualTo("bob"));
            assertThat(events)
                    .filteredOn(e -> e.kind() == EventKind.STEP_SUCCEEDED)
                    .extracting(IncidentEvent::stepId)
                    .containsExactly("identify-scope", "activate-team");
            assertThat(watch.blockingSeen())
                    .as("the FX thread never waits on the log")
                    .isEmpty();
            robot.clickOn("#back-to-start");
            Awaitility.await().until(() -> log.drivers().driver(id).isEmpty());
        }
    }
}
