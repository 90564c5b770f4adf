package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drpilot.action.ActionCatalog;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.rehearsal.ExerciseLoader;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
 * After a tabletop is closed, the team records the gap it found from the incident's screen: the
 * form refuses a gap without an owner, asks about a due day already past, and the gap is listed as
 * OVERDUE; the evidence pack, exported from the export pane beside the post-mortem, holds it.
 */
@ExtendWith(ApplicationExtension.class)
class GapFormWindowTest {

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

    private static <T extends Node> T find(FxRobot robot, String id, Class<T> type) {
        return TestWindows.find(robot, id, type);
    }

    @Test
    void aGapRecordedAfterTheTabletopIsListedAndInTheEvidencePack(FxRobot robot) throws Exception {
        log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
        ActionCatalog catalog = ActionCatalog.builtIn();
        var runbooks =
                new RunbookLoader(catalog).load(List.of(Path.of("runbooks"))).runbooks();
        var exercises = new ExerciseLoader(runbooks, catalog)
                .loadFolder(Path.of("runbooks/exercises"))
                .exercises();
        UiBackend backend = UiBackends.of(
                runbooks,
                exercises,
                log,
                UiBackends.engineOn(log, dir),
                dir.resolve("exports"),
                () -> "no AWS in a rehearsal",
                run -> List.of(),
                ParameterSuggestions.NONE,
                DrPilotServices.fromEnvironment().tabletops(),
                TeamLogLink.NONE);
        WaitForAsyncUtils.asyncFx(() -> window.attach(backend)).get();
        Awaitility.await().until(() -> find(robot, "#first-run", Node.class).isVisible());
        robot.clickOn("#rehearse-sample");
        robot.clickOn("#start-tabletop");
        Awaitility.await().until(() -> TestWindows.present(robot, "#facilitator-bar"));
        assertThat(find(robot, "#gaps-heading", Label.class).getText()).isEqualTo("No gaps recorded");

        robot.clickOn("#close-incident");
        robot.clickOn("#state-text").write("Tabletop played to the handover");
        robot.clickOn("#state-go");
        Awaitility.await()
                .until(() ->
                        find(robot, "#incident-state", Label.class).getText().equals("CLOSED"));

        robot.clickOn("#record-gap");
        Awaitility.await().until(() -> TestWindows.present(robot, "#gap-form"));
        robot.clickOn("#gap-text").write("Nobody knew who may restore the metadata database");
        robot.clickOn("#gap-due").write("2020-01-31");
        robot.clickOn("#gap-remediation").write("Name the database owner in the runbook");
        robot.clickOn("#gap-record");
        assertThat(find(robot, "#gap-problem", Label.class).getText())
                .isEqualTo("Not recorded: The owner is empty: say it in words.");

        robot.clickOn("#gap-owner").write("dave");
        robot.clickOn("#gap-record");
        Awaitility.await().until(() -> find(robot, "#gap-question", Label.class).isVisible());
        assertThat(find(robot, "#gap-question", Label.class).getText())
                .isEqualTo("The due date 2020-01-31 is already past: the gap will show as OVERDUE. Record it anyway?");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), "gap-form"))
                .get();
        robot.clickOn("#gap-record");

        Awaitility.await().until(() -> !TestWindows.present(robot, "#gap-form"));
        Awaitility.await()
                .until(() -> find(robot, "#gaps-heading", Label.class).getText().equals("Gaps found (1)"));
        ListView<?> gaps = find(robot, "#gap-list", ListView.class);
        assertThat(IncidentViewModel.gapLine(
                        (dev.drpilot.incident.EventData.GapRecorded) ((dev.drpilot.incident.IncidentEvent)
                                        gaps.getItems().getFirst())
                                .data(),
                        java.time.LocalDate.now(java.time.ZoneOffset.UTC)))
                .isEqualTo("OVERDUE · due 2020-01-31 · dave · Nobody knew who may restore the metadata database"
                        + " → Name the database owner in the runbook");
        assertThat(robot.lookup("#gap-list").lookup(".list-cell").queryAll().stream()
                        .map(cell -> ((javafx.scene.control.ListCell<?>) cell).getText())
                        .filter(text -> text != null && text.startsWith("OVERDUE · due 2020-01-31 · dave")))
                .hasSize(1);

        robot.clickOn("#export-format").clickOn("Evidence pack (JSON)");
        assertThat(find(robot, "#export-format", ChoiceBox.class).getValue()).isEqualTo("evidence-json");
        robot.clickOn("#export-button");
        Awaitility.await()
                .until(() ->
                        find(robot, "#export-result", Label.class).getText().startsWith("Wrote "));
        Path pack = Path.of(find(robot, "#export-result", Label.class).getText().substring("Wrote ".length()));
        String id = log.incidents().getFirst().id();
        assertThat(pack).isEqualTo(dir.resolve("exports").resolve(id + "-evidence.json"));
        JsonNode gap = new ObjectMapper()
                .readTree(pack.toFile())
                .path("evidence")
                .path("gaps")
                .get(0);
        assertThat(gap.path("text").asText()).isEqualTo("Nobody knew who may restore the metadata database");
        assertThat(gap.path("owner").asText()).isEqualTo("dave");
        assertThat(gap.path("due").asText()).isEqualTo("2020-01-31");
        assertThat(gap.path("remediation").asText()).isEqualTo("Name the database owner in the runbook");
        assertThat(gap.path("overdue").asBoolean()).isTrue();

        robot.clickOn("#back-to-start");
        Awaitility.await().until(() -> TestWindows.present(robot, "#start-view"));
    }
}
