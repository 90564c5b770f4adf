package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A secret parameter is typed into a masked field, never pre-filled, and reaches the declaration as typed. */
@ExtendWith(ApplicationExtension.class)
class ParameterFormTest {

    private static final Runbook RUNBOOK = new RunbookLoader(ActionCatalog.builtIn())
            .loadText(Path.of("rotate.yaml"), """
            id: rotate
            title: Rotate the API token
            architecture: both
            kind: readiness
            targets: { rto: none, rpo: none }
            params:
              - { name: service, type: string, default: billing }
              - { name: apiToken, type: secret, default: token-kept-in-the-runbook }
            steps:
              - { id: tell, title: Tell the team, phase: validation, manual: "The token of ${service} changes." }
            """)
            .runbooks()
            .getFirst();

    private final AtomicReference<Map<String, String>> declared = new AtomicReference<>();
    private ParameterForm form;

    @Start
    void start(Stage stage) {
        form = new ParameterForm(
                new ParameterFormModel(
                        RUNBOOK,
                        IncidentMode.LIVE,
                        ParameterSuggestions.NONE,
                        TestWindows.TASKS,
                        Clock.systemUTC(),
                        (runbook, values) -> declared.set(values)),
                () -> {});
        stage.setScene(new Scene(form.root(), 900, 400));
        stage.show();
    }

    @Test
    void aSecretParameterIsAMaskedFieldThatShowsNoDefaultAndDeclaresWhatWasTyped(FxRobot robot) throws Exception {
        TextField secret = TestWindows.find(robot, "#param-apiToken", TextField.class);
        assertThat(secret).isInstanceOf(PasswordField.class);
        assertThat(secret.getText()).isEmpty();
        assertThat(TestWindows.find(robot, "#param-service", TextField.class)).isNotInstanceOf(PasswordField.class);

        robot.clickOn("#param-apiToken").write("typed-token-4471");
        robot.clickOn("#declare-button");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(declared.get()).containsEntry("apiToken", "typed-token-4471").containsEntry("service", "billing");
    }
}
