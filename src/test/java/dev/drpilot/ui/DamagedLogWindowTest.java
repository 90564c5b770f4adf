package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.incident.CrashedLog;
import dev.drpilot.incident.IncidentLogStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
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

/** The window on a log that lost its newest events: the start screen says which, lists what is left, and starts nothing in it. */
@ExtendWith(ApplicationExtension.class)
class DamagedLogWindowTest {

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

    @Test
    void theStartScreenNamesTheLossAndOffersNothingThatWouldWrite(FxRobot robot) throws Exception {
        CrashedLog crashed = CrashedLog.in(dir);
        crashed.zeroNewestChunk();
        log = IncidentLogStore.open(crashed.log(), Clock.systemUTC(), "alice");
        WaitForAsyncUtils.asyncFx(() ->
                        window.attach(UiBackends.of(List.of(), log, null, dir.resolve("exports"), () -> "nobody")))
                .get();

        Awaitility.await()
                .until(() -> TestWindows.find(robot, "#incident-status", Label.class)
                        .getText()
                        .contains("is damaged"));
        assertThat(TestWindows.find(robot, "#incident-status", Label.class).getText())
                .startsWith("The incident log " + crashed.database() + " is damaged: " + crashed.newest()
                        + " lost events 13 to 13: the database holds 12, its head file says 13.");
        assertThat(TestWindows.find(robot, "#incident-list", TableView.class).getItems())
                .hasSize(2);
        // the list redraws its rows every second (the clocks): a row found just before a redraw has left the scene
        // by the time it is clicked, so the click is tried again on a row found afresh
        Awaitility.await().ignoreExceptions().until(() -> {
            robot.clickOn(WaitForAsyncUtils.asyncFx(() -> robot.from(window.root())
                            .lookup(".table-row-cell")
                            .match((TableRow<?> row) -> row.getItem() != null && row.getScene() != null)
                            .queryAs(Node.class))
                    .get());
            return TestWindows.find(robot, "#incident-list", TableView.class)
                            .getSelectionModel()
                            .getSelectedItem()
                    != null;
        });
        assertThat(TestWindows.find(robot, "#declare-incident", Button.class).isDisabled())
                .isTrue();
        assertThat(TestWindows.find(robot, "#start-rehearsal", Button.class).isDisabled())
                .isTrue();
        assertThat(TestWindows.find(robot, "#resume-incident", Button.class).isDisabled())
                .isTrue();
        assertThat(TestWindows.present(robot, "#resume-unfinished")
                        && TestWindows.find(robot, "#unfinished", Node.class).isVisible())
                .isFalse();
    }
}
