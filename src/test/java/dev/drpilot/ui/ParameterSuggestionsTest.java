package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.MotoServer;
import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.action.k8s.KubeSettings;
import dev.drpilot.action.k8s.MockCluster;
import dev.drpilot.app.AccountSuggestions;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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
 * The RDS corruption wizard's parameters with the operator's own account and cluster behind
 * them (moto and fabric8's mock cluster): the namespaces offered are the cluster's, a typed time
 * is read back in UTC, and the restorable window of the instance named is shown on request.
 */
@ExtendWith(ApplicationExtension.class)
@EnableKubernetesMockClient(crud = true, https = false)
class ParameterSuggestionsTest {

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
    void theFormOffersTheClustersNamespacesReadsTimesBackAndShowsTheRestorableWindow(FxRobot robot) throws Exception {
        for (String ns : List.of("druid", "monitoring"))
            client.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(ns)
                            .endMetadata()
                            .build())
                    .create();
        Runbook runbook = new RunbookLoader(ActionCatalog.builtIn())
                .load(List.of(Path.of("runbooks/druid-rds-corruption.yaml")))
                .runbooks()
                .getFirst();
        try (MotoServer moto = MotoServer.start();
                AwsClients aws = new AwsClients(moto.settings("us-west-2"));
                KubeClients kube =
                        new KubeClients(new KubeSettings(MockCluster.kubeconfig(dir, server, "druid-prod"), null))) {
            aws.get(RdsClient.class, RdsClient::builder, null)
                    .createDBInstance(r -> r.dbInstanceIdentifier("druid-metadata")
                            .engine("postgres")
                            .dbInstanceClass("db.t3.micro")
                            .allocatedStorage(20)
                            .masterUsername("druid")
                            .masterUserPassword("not-used-here")
                            .backupRetentionPeriod(7));
            AtomicReference<Map<String, String>> declared = new AtomicReference<>();
            WaitForAsyncUtils.asyncFx(() -> {
                        ParameterForm form = new ParameterForm(
                                new ParameterFormModel(
                                        runbook,
                                        IncidentMode.LIVE,
                                        new AccountSuggestions(aws, kube),
                                        TestWindows.TASKS,
                                        Clock.systemUTC(),
                                        (r, values) -> declared.set(values)),
                                () -> {});
                        stage.setScene(new Scene(form.root(), 1280, 800));
                        stage.show();
                    })
                    .get();

            @SuppressWarnings("unchecked")
            ComboBox<String> namespace = robot.lookup("#param-namespace").queryAs(ComboBox.class);
            Awaitility.await().until(() -> namespace.getItems().size() == 2);
            assertThat(namespace.getItems()).containsExactly("druid", "monitoring");
            assertThat(namespace.getEditor().getText()).isEqualTo("druid");

            robot.clickOn("#param-restoreTime").write("2026-11-25T03:05");
            assertThat(robot.lookup("#param-restoreTime-understood")
                            .queryAs(Label.class)
                            .getText())
                    .startsWith("not a UTC time yet");
            robot.write(":00Z");
            assertThat(robot.lookup("#param-restoreTime-understood")
                            .queryAs(Label.class)
                            .getText())
                    .startsWith("Wed 25 Nov 2026, 03:05:00 UTC");
            robot.clickOn("#param-restoreTime-minus5");
            assertThat(robot.lookup("#param-restoreTime")
                            .queryAs(TextField.class)
                            .getText())
                    .endsWith("Z");

            robot.clickOn("#param-restoreTime-window");
            Label window = robot.lookup("#param-restoreTime-window-text").queryAs(Label.class);
            Awaitility.await().until(() -> window.getText().startsWith("RDS druid-metadata can be restored from"));
            assertThat(window.getText()).contains("(backups kept 7 days)");
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), "parameters-suggested"))
                    .get();

            robot.clickOn("#declare-button");
            Awaitility.await().until(() -> declared.get() != null);
            assertThat(declared.get()).containsEntry("namespace", "druid").containsKey("restoreTime");
        }
    }
}
