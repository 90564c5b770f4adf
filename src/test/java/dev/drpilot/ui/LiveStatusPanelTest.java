package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.MotoServer;
import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.action.k8s.KubeSettings;
import dev.drpilot.action.k8s.MockCluster;
import dev.drpilot.app.LiveStatusSources;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The live status panel of the RDS corruption scenario, read for real: the druid namespace's pods
 * and the nodes from fabric8's mock cluster, the metadata instance and its restore target from
 * moto. A deleted pod leaves the table; when AWS stops answering, its rows turn stale and say why.
 */
@ExtendWith(ApplicationExtension.class)
@EnableKubernetesMockClient(crud = true, https = false)
class LiveStatusPanelTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void thePanelShowsWhatTheScenarioTouchesAndMarksWhatItCannotReadAsStale(FxRobot robot) throws Exception {
        MockCluster.seed(client);
        Runbook runbook = new RunbookLoader(ActionCatalog.builtIn())
                .load(List.of(Path.of("runbooks/druid-rds-corruption.yaml")))
                .runbooks()
                .getFirst();
        MotoServer moto = MotoServer.start();
        try (AwsClients aws = new AwsClients(moto.settings("us-west-2"));
                KubeClients kube =
                        new KubeClients(new KubeSettings(MockCluster.kubeconfig(dir, server, "druid-prod"), null))) {
            aws.get(RdsClient.class, RdsClient::builder, null)
                    .createDBInstance(r -> r.dbInstanceIdentifier("druid-metadata")
                            .engine("postgres")
                            .dbInstanceClass("db.t3.micro")
                            .allocatedStorage(20)
                            .masterUsername("druid")
                            .masterUserPassword("not-used-here"));
            var sources = LiveStatusSources.of(
                    runbook,
                    Map.of(
                            "dbInstance",
                            "druid-metadata",
                            "namespace",
                            "druid",
                            "secretId",
                            "druid-metadata-secret",
                            "restoreTime",
                            "2026-11-25T03:00:00Z"),
                    aws,
                    kube);
            assertThat(sources)
                    .extracting(s -> s.describe())
                    .containsExactly(
                            "pods of namespace druid and the nodes",
                            "RDS instance druid-metadata",
                            "RDS instance druid-metadata-restored");

            try (LiveStatus status = new LiveStatus(sources, Duration.ofMillis(200))) {
                WaitForAsyncUtils.asyncFx(() -> {
                            stage.setScene(new Scene(new StatusPanel(status).root(), 1000, 600));
                            stage.show();
                        })
                        .get();
                status.start();
                TableView<?> table = TestWindows.find(robot, "#status-table", TableView.class);
                Awaitility.await().until(() -> names(table).contains("druid-metadata-restored"));
                assertThat(rows(table))
                        .contains(
                                "Node ip-10-0-0-10 Ready",
                                "Pod druid-historical-2 CrashLoopBackOff",
                                "Pod druid-coordinator-0 Running",
                                "RDS instance druid-metadata available",
                                "RDS instance druid-metadata-restored not found");
                WaitForAsyncUtils.waitForFxEvents();
                WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), "live-status"))
                        .get();

                robot.clickOn("#status-unhealthy-only");
                assertThat(names(table)).containsExactlyInAnyOrder("druid-historical-2", "druid-metadata-restored");
                robot.clickOn("#status-unhealthy-only");

                WaitForAsyncUtils.asyncFx(() -> sortByName(table)).get();
                assertThat(names(table)).hasSizeGreaterThan(5).isSortedAccordingTo(String::compareTo);

                client.pods()
                        .inNamespace("druid")
                        .withName("druid-historical-2")
                        .delete();
                Awaitility.await().until(() -> !names(table).contains("druid-historical-2"));

                moto.close();
                Awaitility.await()
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> TestWindows.find(robot, "#status-summary", Label.class)
                                .getText()
                                .contains("Stale: RDS instance druid-metadata"));
                Awaitility.await()
                        .untilAsserted(() -> assertThat(rows(table))
                                .contains("RDS instance druid-metadata available (stale)")
                                .contains("Node ip-10-0-0-10 Ready"));
            }
        } finally {
            moto.close();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void sortByName(TableView<?> table) {
        TableView raw = table;
        raw.getSortOrder().setAll(List.of(raw.getColumns().get(1)));
    }

    private static List<String> names(TableView<?> table) {
        return table.getItems().stream()
                .map(r -> ((LiveStatus.Row) r).status().name())
                .toList();
    }

    private static List<String> rows(TableView<?> table) {
        return table.getItems().stream()
                .map(r -> (LiveStatus.Row) r)
                .map(r -> r.status().kind() + " " + r.status().name() + " "
                        + r.status().status() + (r.stale() ? " (stale)" : ""))
                .toList();
    }
}
