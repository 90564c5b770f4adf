package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.AwsSettings;
import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.action.k8s.KubeSettings;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
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

/** Resuming from the window an incident whose runbook file was edited: the difference is shown, and Cancel resumes nothing. */
@ExtendWith(ApplicationExtension.class)
class RunbookChangeDialogTest {

    private static final String FIRST = """
            id: two-checks
            title: Two checks
            architecture: druid
            kind: readiness
            targets: { rto: none, rpo: none }
            steps:
              - { id: look, title: Look at the coordinator, phase: validation, manual: Open the coordinator console. }
              - { id: count, title: Count the segments, phase: validation, manual: Count the segments of yesterday. }
            """;

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

    private List<Runbook> load(Path file) {
        return new RunbookLoader(ActionCatalog.builtIn()).load(List.of(file)).runbooks();
    }

    @Test
    void theDialogShowsTheDifferenceAndCancelResumesNothing(FxRobot robot) throws Exception {
        Path file = Files.writeString(dir.resolve("two-checks.yaml"), FIRST);
        log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
        IncidentEngine engine = DrPilotServices.fromEnvironment()
                .engine(
                        log,
                        new AwsClients(AwsSettings.of(null, "us-west-2", null)),
                        new KubeClients(new KubeSettings(dir.resolve("no-kubeconfig"), null)));
        String id;
        try (var run = engine.declare(
                load(file).getFirst(),
                Map.of(),
                new NewIncident("two-checks", "Two checks", IncidentMode.LIVE, null, null, null))) {
            id = run.incidentId();
        }
        Files.writeString(file, FIRST.replace("of yesterday.", "of the last 7 days."));
        UiBackend backend = UiBackends.of(load(file), log, engine, dir.resolve("exports"), () -> "no AWS in this test");
        WaitForAsyncUtils.asyncFx(() -> window.attach(backend)).get();
        Awaitility.await()
                .until(() -> TestWindows.present(robot, "#resume-unfinished")
                        && TestWindows.find(robot, "#unfinished", javafx.scene.Node.class)
                                .isVisible());
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#resume-unfinished");
        Awaitility.await().until(() -> TestWindows.present(robot, "#runbook-change-dialog"));

        assertThat(TestWindows.find(robot, "#runbook-change-sentence", Label.class)
                        .getText())
                .startsWith("The runbook two-checks.yaml changed since " + id + " recorded it");
        assertThat(TestWindows.find(robot, "#runbook-change-diff", TextArea.class)
                        .getText()
                        .lines()
                        .toList())
                .contains(
                        "-  - { id: count, title: Count the segments, phase: validation, manual: Count the segments of yesterday. }",
                        "+  - { id: count, title: Count the segments, phase: validation, manual: Count the segments of the last 7 days. }");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#runbook-change-cancel");

        Awaitility.await().until(() -> !TestWindows.present(robot, "#runbook-change-dialog"));
        assertThat(TestWindows.find(robot, "#incident-status", Label.class).getText())
                .startsWith("Not resumed: " + id + " recorded version ");
        assertThat(TestWindows.present(robot, "#incident-view")).isFalse();
        assertThat(log.events(id))
                .extracting(e -> e.kind())
                .doesNotContain(EventKind.INCIDENT_RESUMED, EventKind.RUNBOOK_CHANGED);
    }
}
