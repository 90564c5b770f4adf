package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.AwsSettings;
import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.action.k8s.KubeSettings;
import dev.drpilot.action.k8s.MockCluster;
import dev.drpilot.action.k8s.PlayedController;
import dev.drpilot.app.LiveStatusSources;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.runbook.RunbookLoader;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
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
 * The main path as an operator clicks it: declare an incident, find the scenario by its symptom,
 * be refused a missing parameter, run the Druid pod-failure runbook against a mock cluster,
 * confirm the pod's deletion by typing its name, note something, export the post-mortem and read
 * it. Saves a screenshot of each main screen, light and dark.
 */
@ExtendWith(ApplicationExtension.class)
@EnableKubernetesMockClient(crud = true, https = false)
class IncidentFlowTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private Stage stage;
    private MainWindow window;
    private IncidentLogStore log;
    private final AtomicLong longestFrameGapNanos = new AtomicLong();
    private AnimationTimer frames;
    /** A screenshot renders and encodes the scene on the FX thread: a test's own pause, not the app's. */
    private volatile boolean pausedForScreenshot;

    private FxThreadWatch watch;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindows.open(stage);
        frames = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (last != 0 && !pausedForScreenshot) longestFrameGapNanos.accumulateAndGet(now - last, Math::max);
                last = now;
                pausedForScreenshot = false;
            }
        };
        frames.start();
    }

    @AfterEach
    void close() {
        frames.stop();
        if (log != null) log.close();
    }

    private void attach() throws Exception {
        MockCluster.seed(client);
        server.expect()
                .get()
                .withPath(
                        "/api/v1/namespaces/druid/pods/druid-historical-2/log?pretty=false&previous=true&tailLines=200")
                .andReturn(200, "ERROR Failed to load segment: java.lang.OutOfMemoryError: Java heap space\n")
                .always();
        log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
        KubeClients kube = new KubeClients(new KubeSettings(MockCluster.kubeconfig(dir, server, "druid-prod"), null));
        var runbooks = new RunbookLoader(ActionCatalog.builtIn())
                .load(List.of(Path.of("runbooks")))
                .runbooks();
        AwsClients aws = new AwsClients(AwsSettings.of(null, "us-west-2", null));
        UiBackend backend = UiBackends.of(
                runbooks,
                List.of(),
                log,
                DrPilotServices.fromEnvironment().engine(log, aws, kube),
                dir.resolve("exports"),
                () -> "no AWS in this test",
                run -> LiveStatusSources.of(run.runbook(), run.parameterValues(), aws, kube),
                ParameterSuggestions.NONE,
                DrPilotServices.fromEnvironment().tabletops(),
                TeamLogLink.NONE);
        WaitForAsyncUtils.asyncFx(() -> window.attach(backend)).get();
    }

    private void screenshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        watch.pause(true);
        WaitForAsyncUtils.asyncFx(() -> {
                    pausedForScreenshot = true;
                    return Screenshots.save(stage.getScene(), name);
                })
                .get();
        watch.pause(false);
    }

    private static <T extends javafx.scene.Node> T find(FxRobot robot, String id, Class<T> type) {
        return TestWindows.find(robot, id, type);
    }

    @Test
    void declareRunConfirmNoteAndExportThePodFailure(FxRobot robot) throws Exception {
        watch = new FxThreadWatch();
        attach();
        Awaitility.await()
                .until(() -> !find(robot, "#declare-incident", Button.class).isDisabled());
        assertThat(find(robot, "#incident-status", Label.class).getText()).isEqualTo("No incident open");
        screenshot("start");

        robot.clickOn("#declare-incident");
        robot.clickOn("#scenario-search").write("crashloop");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> scenarios = find(robot, "#scenario-list", ListView.class);
        assertThat(scenarios.getItems()).hasSize(1);
        assertThat(scenarios.getItems().get(0).toString()).contains("druid-pod-failure");
        screenshot("scenario-picker");

        robot.clickOn("#scenario-next");
        robot.clickOn("#declare-button");
        assertThat(find(robot, "#parameter-errors", Label.class).getText())
                .startsWith("Not declared, nothing was called: ")
                .contains("pod is required");
        assertThat(log.incidents()).as("a refused parameter declares nothing").isEmpty();
        screenshot("parameters");

        robot.clickOn("#param-pod").write("druid-historical-2");
        robot.clickOn("#declare-button");
        Awaitility.await().until(() -> TestWindows.present(robot, "#incident-view"));
        assertThat(find(robot, "#incident-title", Label.class).getText()).startsWith("Druid pod failure");
        assertThat(find(robot, "#incident-clocks", Label.class).getText())
                .startsWith("Elapsed 00:00:")
                .contains("RTO left 00:0");

        Awaitility.await().until(() -> TestWindows.present(robot, "#status-tab"));
        robot.clickOn("#status-tab");
        TableView<?> status = find(robot, "#status-table", TableView.class);
        Awaitility.await()
                .until(() -> status.getItems().stream()
                        .map(Object::toString)
                        .anyMatch(row -> row.contains("druid-historical-2") && row.contains("CrashLoopBackOff")));
        assertThat(find(robot, "#status-summary", Label.class).getText()).contains("not healthy");
        screenshot("incident-live-status");
        robot.clickOn(robot.lookup("#incident-tabs .tab").nth(0).queryAs(javafx.scene.Node.class));
        Awaitility.await().until(() -> find(robot, "#log-list", ListView.class).isVisible());

        robot.clickOn("#run-next");
        Awaitility.await()
                .atMost(60, TimeUnit.SECONDS)
                .until(() ->
                        find(robot, "#confirm-bar", javafx.scene.Node.class).isVisible());
        assertThat(find(robot, "#confirm-prompt", Label.class).getText())
                .contains("Type druid-historical-2 to go ahead");
        robot.clickOn("#confirm-text").write("druid");
        assertThat(find(robot, "#confirm-button", Button.class).isDisabled())
                .as("a wrong name does not unlock it")
                .isTrue();
        assertThat(client.pods()
                        .inNamespace("druid")
                        .withName("druid-historical-2")
                        .get())
                .as("nothing deleted yet")
                .isNotNull();
        screenshot("incident-confirm");

        try (PlayedController controller =
                new PlayedController(client, List.of("druid-historical-2"), "ip-10-0-2-10")) {
            robot.write("-historical-2");
            robot.clickOn("#confirm-button");
            TableView<?> steps = find(robot, "#steps", TableView.class);
            Awaitility.await()
                    .atMost(60, TimeUnit.SECONDS)
                    .until(() -> steps.getItems().stream().allMatch(s -> ((StepRun) s).state() == StepState.SUCCEEDED));
        }

        robot.clickOn("#note-text")
                .write("the historical ran out of heap; raising its memory limit")
                .type(KeyCode.ENTER);
        ListView<?> events = find(robot, "#log-list", ListView.class);
        Awaitility.await()
                .until(() ->
                        events.getItems().stream().anyMatch(e -> e.toString().contains("raising its memory limit")));
        screenshot("incident");

        robot.clickOn("#export-button");
        Awaitility.await()
                .until(() ->
                        find(robot, "#export-result", Label.class).getText().startsWith("Wrote "));
        Path exported =
                Path.of(find(robot, "#export-result", Label.class).getText().substring("Wrote ".length()));
        assertThat(Files.readString(exported))
                .contains("Druid pod failure")
                .contains("raising its memory limit")
                .contains("druid-historical-2");

        robot.clickOn("#export-format").clickOn("png");
        robot.clickOn("#export-button");
        Awaitility.await()
                .until(() ->
                        find(robot, "#export-result", Label.class).getText().endsWith(".png"));
        Path picture =
                Path.of(find(robot, "#export-result", Label.class).getText().substring("Wrote ".length()));
        java.awt.image.BufferedImage timeline = javax.imageio.ImageIO.read(picture.toFile());
        assertThat(timeline.getWidth()).isEqualTo(1400);
        assertThat(timeline.getHeight()).as("a row for each of the four steps").isGreaterThan(90 + 4 * 26);
        Files.copy(
                picture,
                Path.of(System.getProperty("drpilot.projectDir", "."), "docs", "screenshots", "timeline.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        robot.clickOn("#theme-toggle");
        screenshot("incident-dark");
        robot.clickOn("#help-button");
        assertThat(find(robot, "#help-text", Label.class).getText()).contains("Ctrl+Enter");
        screenshot("help-dark");
        robot.clickOn("#theme-toggle");
        // Leaving the incident stops its live status: no watch of the mock cluster outlives the test.
        robot.clickOn("#back-to-start");
        assertThat(find(robot, "#declare-incident", Button.class).isVisible()).isTrue();
        System.out.printf(
                "longest gap between two frames on the FX thread during the flow: %d ms%n",
                longestFrameGapNanos.get() / 1_000_000);
        watch.close();
        assertThat(watch.blockingSeen())
                .as("the FX thread waiting on the log, the database, the network or an SDK")
                .isEmpty();
    }
}
