package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.incident.EventData;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentLogUnavailableException;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.incident.SmallDisk;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's banner on a log whose disk fills up (a real 2 MB tmpfs; skipped without root): it
 * says what was not written the moment it fails, and Continue in another folder carries the log
 * there, with the note that failed written in it. The folder comes from the operator's pick,
 * which the test answers in place of the directory chooser.
 */
@ExtendWith(ApplicationExtension.class)
class LogStoppedBannerTest {

    @TempDir
    Path dir;

    private LogStoppedBanner banner;

    @Start
    void start(Stage stage) {
        banner = new LogStoppedBanner(TestWindows.TASKS, () -> Optional.of(dir.resolve("second-disk")));
        stage.setScene(new Scene(new VBox(banner.root()), 900, 300));
        stage.show();
    }

    @Test
    void theFailureIsShownAtOnceAndTheLogGoesOnInTheFolderPicked(FxRobot robot) throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("small-disk"));
                IncidentLogStore log =
                        IncidentLogStore.open(disk.folder().resolve("log"), Clock.systemUTC(), "alice")) {
            String incident = log.declare(
                            new NewIncident(
                                    "druid-rds-corruption", "disk filling", IncidentMode.LIVE, null, null, null),
                            Map.of())
                    .id();
            WaitForAsyncUtils.asyncFx(() -> banner.watch(log)).get();
            assertThat(TestWindows.find(robot, "#log-stopped", Node.class).isVisible())
                    .isFalse();
            disk.fillUp();

            String failure = "";
            for (int i = 1; !log.stopped(); i++) {
                try {
                    log.append(incident, new EventData.Note("note " + i + " " + "x".repeat(500)), null);
                } catch (IncidentLogUnavailableException e) {
                    failure = e.getMessage();
                }
            }

            String refused = failure;
            Awaitility.await()
                    .until(() -> TestWindows.find(robot, "#log-stopped-text", Label.class)
                            .getText()
                            .equals(refused));
            assertThat(TestWindows.find(robot, "#log-stopped", Node.class).isVisible())
                    .isTrue();
            robot.clickOn("#continue-elsewhere");

            Awaitility.await()
                    .until(() -> TestWindows.find(robot, "#log-stopped-text", Label.class)
                            .getText()
                            .startsWith("Continued in "));
            assertThat(TestWindows.find(robot, "#log-stopped-text", Label.class).getText())
                    .startsWith("Continued in " + dir.resolve("second-disk/log") + ".mv.db: ");
            assertThat(TestWindows.find(robot, "#continue-elsewhere", Node.class)
                            .isVisible())
                    .isFalse();
            assertThat(log.file()).isEqualTo(dir.resolve("second-disk/log"));
            assertThat(log.stopped()).isFalse();
            assertThat(log.events(incident).getLast().payload()).contains("note ");
            assertThat(log.verify(incident).intact()).isTrue();
            assertThat(log.append(incident, new EventData.Note("on the second disk"), null)
                            .sequence())
                    .isEqualTo(log.events(incident).size());
            disk.free();
        }
    }
}
