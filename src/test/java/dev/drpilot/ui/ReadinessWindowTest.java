package dev.drpilot.ui;

import static dev.drpilot.ui.TestWindows.find;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.MotoServer;
import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.action.k8s.KubeSettings;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.readiness.HealthySandbox;
import dev.drpilot.readiness.ReadinessChecks;
import dev.drpilot.readiness.ReadinessConfig;
import dev.drpilot.readiness.ReadinessLog;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Readiness screen against moto: from the start screen, Check now twice with PITR turned off
 * between, the breached row named with its fix in the table and in a notice, and both runs kept.
 */
@ExtendWith(ApplicationExtension.class)
class ReadinessWindowTest {

    private static MotoServer moto;
    private static AwsClients aws;
    private static HealthySandbox sandbox;

    @TempDir
    Path dir;

    private Stage stage;
    private MainWindow window;
    private UiBackend backend;

    @BeforeAll
    static void seed() throws Exception {
        moto = MotoServer.start();
        aws = new AwsClients(moto.settings("us-west-2"));
        sandbox = HealthySandbox.seed(aws);
    }

    @AfterAll
    static void stop() {
        aws.close();
        moto.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindows.open(stage);
    }

    @AfterEach
    void close() {
        if (backend != null) backend.close();
    }

    @Test
    void checkNowMeasuresTheSandboxAndABreachedTargetIsNamedWithItsFix(FxRobot robot) throws Exception {
        IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
        var runbooks = new RunbookLoader(ActionCatalog.builtIn())
                .load(List.of(Path.of("runbooks")))
                .runbooks();
        KubeClients kube = new KubeClients(new KubeSettings(dir.resolve("no-kubeconfig"), null));
        backend = UiBackends.of(
                runbooks,
                List.of(),
                log,
                DrPilotServices.fromEnvironment().engine(log, aws, kube),
                dir.resolve("exports"),
                aws::whoAmI,
                run -> List.of(),
                ParameterSuggestions.NONE,
                null,
                TeamLogLink.NONE,
                () -> new ReadinessChecks(aws, Clock.systemUTC()).run(ReadinessConfig.guideDefaults()));
        WaitForAsyncUtils.asyncFx(() -> window.attach(backend)).get();
        Awaitility.await()
                .until(() -> !find(robot, "#open-readiness", Button.class).isDisabled());

        robot.clickOn("#open-readiness");
        Awaitility.await()
                .until(() -> find(robot, "#readiness-last-check", Label.class)
                        .getText()
                        .startsWith("Not checked yet"));

        robot.clickOn("#readiness-check-now");
        Awaitility.await()
                .until(() -> find(robot, "#readiness-last-check", Label.class)
                        .getText()
                        .startsWith("Last checked "));
        assertThat(find(robot, "#readiness-rows", TableView.class).getItems()).hasSizeGreaterThan(15);

        sandbox.dynamo()
                .updateContinuousBackups(r -> r.tableName("webapp-users")
                        .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(false)));
        try {
            robot.clickOn("#readiness-check-now");
            Awaitility.await()
                    .until(() -> find(robot, "#readiness-last-check", Label.class)
                            .getText()
                            .contains("1 breached"));
        } finally {
            sandbox.heal();
        }
        Awaitility.await()
                .until(
                        () -> robot.lookup(".notification").queryAllAs(Label.class).stream()
                                .anyMatch(
                                        l -> l.getText()
                                                .startsWith(
                                                        "TARGET BREACHED: WebApp data corruption RPO: PITR interval (DynamoDB PITR, 35 days)")));
        List<?> shown = find(robot, "#readiness-rows", TableView.class).getItems();
        ReadinessModel.Row breached = shown.stream()
                .map(ReadinessModel.Row.class::cast)
                .filter(row -> row.verdict().equals("breached"))
                .findFirst()
                .orElseThrow();
        assertThat(breached.fix()).startsWith("Run webapp-backup-dynamodb-pitr");
        assertThat(find(robot, "#readiness-history", javafx.scene.control.ListView.class)
                        .getItems())
                .hasSize(2);
        assertThat(new ReadinessLog(log).trend().runs()).isEqualTo(2);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), "readiness"))
                .get();

        // the breached row is first: its fix reads whole in its cell's tooltip, and Ctrl+C copies the row
        assertThat(WaitForAsyncUtils.asyncFx(
                                () -> robot.lookup("#readiness-rows").lookup(".table-cell").queryAll().stream()
                                        .map(cell -> (javafx.scene.control.TableCell<?, ?>) cell)
                                        .filter(cell -> breached.fix().equals(cell.getText()))
                                        .map(cell -> cell.getTooltip().getText())
                                        .findFirst())
                        .get())
                .contains(breached.fix());
        WaitForAsyncUtils.asyncFx(() -> {
                    TableView<?> rows = robot.lookup("#readiness-rows").queryAs(TableView.class);
                    rows.getSelectionModel().select(0);
                    rows.requestFocus();
                })
                .get();
        robot.press(javafx.scene.input.KeyCode.CONTROL)
                .type(javafx.scene.input.KeyCode.C)
                .release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard()
                                .getString())
                        .get())
                .startsWith("BREACHED: " + breached.name() + "\nMeasured: " + breached.figure())
                .contains("\nWhat to fix, or why unknown: " + breached.fix());

        robot.clickOn("#readiness-back");
        Awaitility.await().until(() -> TestWindows.present(robot, "#start-view"));
    }
}
