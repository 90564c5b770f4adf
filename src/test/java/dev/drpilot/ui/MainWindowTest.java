package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setTitle(MainWindow.TITLE);
        stage.setScene(new Scene(new MainWindow().root(), 1200, 800));
        stage.show();
    }

    @Test
    void showsTheAppAndThatNoIncidentIsOpen(FxRobot robot) throws Exception {
        assertThat(stage.getTitle()).isEqualTo("DR Pilot");
        assertThat(robot.lookup("#app-name").queryAs(Label.class).getText()).isEqualTo("DR Pilot");
        assertThat(robot.lookup("#incident-status").queryAs(Label.class).getText()).isEqualTo("No incident open");
        assertThat(robot.lookup("#declare-incident").queryAs(Button.class).getText()).isEqualTo("Declare incident");
        assertThat(robot.lookup("#start-rehearsal").queryAs(Button.class).isVisible()).isTrue();

        Path shot = WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), "main-window")).get();
        assertThat(Files.size(shot)).isGreaterThan(1000);
    }
}
