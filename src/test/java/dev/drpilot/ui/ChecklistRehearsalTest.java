package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.AwsSettings;
import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.action.k8s.KubeSettings;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

/** The recovery checklist rehearsed from the window: items ticked with a note, one skipped with a reason, the phases moving. */
@ExtendWith(ApplicationExtension.class)
class ChecklistRehearsalTest {

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

    private static <T extends javafx.scene.Node> T find(FxRobot robot, String id, Class<T> type) {
        return TestWindows.find(robot, id, type);
    }

    @Test
    void theWindowOpensAtOnceAndTheLogArrivesAfter(FxRobot robot) throws Exception {
        assertThat(stage.getTitle()).isEqualTo("DR Pilot");
        assertThat(find(robot, "#incident-status", Label.class).getText()).isEqualTo("Opening the incident log...");
        assertThat(find(robot, "#declare-incident", Button.class).isDisabled())
                .as("nothing to declare with before the log is open")
                .isTrue();
    }

    @Test
    void checklistItemsAreTickedWithANoteOrSkippedWithAReason(FxRobot robot) throws Exception {
        log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
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
                .until(() -> !find(robot, "#start-rehearsal", Button.class).isDisabled());

        robot.clickOn("#start-rehearsal");
        robot.clickOn("#scenario-search").write("checklist");
        robot.type(KeyCode.ENTER);
        robot.clickOn("#declare-button");
        Awaitility.await().until(() -> TestWindows.present(robot, "#incident-view"));
        assertThat(find(robot, "#incident-mode", Label.class).getText()).isEqualTo("REHEARSAL");

        WaitForAsyncUtils.waitForFxEvents(); // laid out, so the robot can see the button
        robot.clickOn("#run-next");
        Awaitility.await()
                .until(() -> find(robot, "#tick-bar", javafx.scene.Node.class).isVisible());
        assertThat(find(robot, "#tick-prompt", Label.class).getText()).isEqualTo("Identify scope of failure");
        assertThat(TestWindows.text(robot, "#tick-instructions")).startsWith("Which architecture");
        robot.clickOn("#tick-note")
                .write("Druid only, us-west-2, since 02:40 UTC")
                .type(KeyCode.ENTER);
        TableView<?> steps = find(robot, "#steps", TableView.class);
        Awaitility.await()
                .until(() -> state(steps, 0) == StepState.SUCCEEDED && state(steps, 1) == StepState.AWAITING_OPERATOR);
        Awaitility.await().until(() -> doneBy(steps, 0).startsWith("alice, "));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), "checklist"))
                .get();

        robot.clickOn("#cancel-step");
        Awaitility.await().until(() -> state(steps, 1) == StepState.CANCELLED);
        robot.clickOn("#skip-reason").write("the team was already on the bridge");
        robot.clickOn("#skip-step");
        Awaitility.await()
                .alias("step 2 skipped; the window says: "
                        + find(robot, "#action-problem", Label.class).getText() + " / selected "
                        + steps.getSelectionModel().getSelectedIndex())
                .until(() -> state(steps, 1) == StepState.SKIPPED);

        var events = log.events(log.incidents().get(0).id());
        assertThat(log.incidents().get(0).mode()).isEqualTo(IncidentMode.REHEARSAL);
        assertThat(events)
                .filteredOn(e -> e.kind() == EventKind.STEP_SUCCEEDED)
                .singleElement()
                .satisfies(e -> assertThat(e.payload()).contains("Druid only, us-west-2"))
                .satisfies(e -> assertThat(e.actor()).contains("alice"));
        assertThat(events)
                .filteredOn(e -> e.kind() == EventKind.STEP_SKIPPED)
                .singleElement()
                .satisfies(e -> assertThat(e.payload()).contains("already on the bridge"));

        // back at the start, the unfinished rehearsal is offered, and resuming it brings its steps back as they stood
        robot.clickOn("#back-to-start");
        Awaitility.await()
                .until(() -> find(robot, "#unfinished", javafx.scene.Node.class).isVisible());
        assertThat(find(robot, "#unfinished-text", Label.class).getText())
                .startsWith("Unfinished: Recovery checklist (REH-");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), "start-unfinished"))
                .get();
        robot.clickOn("#resume-unfinished");
        Awaitility.await().until(() -> TestWindows.present(robot, "#incident-view"));
        TableView<?> resumed = find(robot, "#steps", TableView.class);
        Awaitility.await()
                .until(() -> state(resumed, 0) == StepState.SUCCEEDED && state(resumed, 1) == StepState.SKIPPED);
        assertThat(log.events(log.incidents().get(0).id())).anyMatch(e -> e.kind() == EventKind.INCIDENT_RESUMED);
    }

    @Test
    void aManualStepsInstructionsShowTheParameterValuesGiven(FxRobot robot) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("segments-check.yaml"), """
                id: segments-check
                title: Check the restored segments
                architecture: druid
                kind: recovery
                targets: { rto: PT1H, rpo: none }
                params:
                  - { name: interval, type: string }
                steps:
                  - { id: check, title: Check the interval, phase: validation, manual: "Query ${interval} in the Druid console." }
                """);
        log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
        var runbooks = new RunbookLoader(ActionCatalog.builtIn())
                .load(List.of(dir.resolve("segments-check.yaml")))
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
                .until(() -> !find(robot, "#declare-incident", Button.class).isDisabled());

        robot.clickOn("#declare-incident");
        robot.clickOn("#scenario-search").write("segments");
        robot.clickOn("#scenario-next");
        robot.clickOn("#param-interval").write("2024-01-15/2024-01-16");
        robot.clickOn("#declare-button");
        Awaitility.await().until(() -> TestWindows.present(robot, "#incident-view"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#run-next");
        Awaitility.await()
                .until(() -> find(robot, "#tick-bar", javafx.scene.Node.class).isVisible());

        assertThat(find(robot, "#tick-prompt", Label.class).getText()).isEqualTo("Check the interval");
        assertThat(TestWindows.text(robot, "#tick-instructions"))
                .isEqualTo("Query 2024-01-15/2024-01-16 in the Druid console.");
        assertThat(TestWindows.text(robot, "#step-instructions"))
                .isEqualTo("Query 2024-01-15/2024-01-16 in the Druid console.");
    }

    @Test
    void settingsShowWhoTheOperatorActsAsAndSaveWhatWasTyped(FxRobot robot) throws Exception {
        try (dev.drpilot.action.aws.MotoServer moto = dev.drpilot.action.aws.MotoServer.start();
                AwsClients aws = new AwsClients(moto.settings("us-west-2"))) {
            log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
            UiBackend backend = UiBackends.of(
                    List.of(),
                    log,
                    DrPilotServices.fromEnvironment()
                            .engine(log, aws, new KubeClients(new KubeSettings(dir.resolve("none"), null))),
                    dir.resolve("exports"),
                    aws::whoAmI);
            var saved = new java.util.concurrent.atomic.AtomicReference<UiSettings>();
            WaitForAsyncUtils.asyncFx(() -> {
                        window.useSettings(new UiSettings("", "us-west-2", "", "", "", ""), saved::set);
                        window.attach(backend);
                    })
                    .get();

            robot.clickOn("#settings-button");
            robot.clickOn("#settings-check-identity");
            Awaitility.await()
                    .until(() -> find(robot, "#settings-identity", Label.class)
                            .getText()
                            .contains(" in account "));
            assertThat(find(robot, "#settings-identity", Label.class).getText())
                    .startsWith("arn:aws:")
                    .endsWith("in account 123456789012");
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), "settings"))
                    .get();

            robot.clickOn("#settings-kube-context").write("druid-dr");
            robot.clickOn("#settings-aws-endpoint").write(moto.endpoint.toString());
            robot.clickOn("#settings-save");
            assertThat(saved.get())
                    .isEqualTo(new UiSettings("", "us-west-2", moto.endpoint.toString(), "druid-dr", "", ""));
        }
    }

    private static StepState state(TableView<?> steps, int row) {
        return ((StepRun) steps.getItems().get(row)).state();
    }

    /** The "Done by" cell of a row, as the table shows it. */
    private static String doneBy(TableView<?> steps, int row) {
        try {
            return WaitForAsyncUtils.asyncFx(
                            () -> String.valueOf(steps.getColumns().get(5).getCellData(row)))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
