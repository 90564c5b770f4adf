package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.rehearsal.Exercise;
import dev.drpilot.rehearsal.ExerciseLoader;
import dev.drpilot.rehearsal.Tabletop;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The incident screen in the two window sizes the team works in, 1280x800 and 1024x700, light and
 * dark, during the sample rehearsal (its facilitator's bar makes it the fullest screen): the title,
 * the way back, the state buttons, Copy and the phases are shown whole; a phase without steps says
 * so; a manual step's Markdown is rendered; the table and buttons stay put when a step asks for a
 * tick or a confirmation, or an act cannot be done and the window says why; a long step's progress
 * is a bar with its expected time; a notice covers neither the clocks nor the controls. Then the
 * log that follows its newest event unless the operator scrolled up, and a resumed rehearsal that does not pop its old notices and reads the same
 * time on its bar, its screen and the list. Saves incident-WIDTHxHEIGHT-light and -dark.
 */
@ExtendWith(ApplicationExtension.class)
class IncidentScreenSizesTest {

    private static final List<String> READABLE = List.of(
            "#incident-title",
            "#incident-id",
            "#incident-mode",
            "#incident-state",
            "#mark-recovered",
            "#close-incident",
            "#back-to-start",
            "#incident-clocks",
            "#phase-immediate",
            "#phase-recovery",
            "#phase-validation",
            "#phase-post-recovery",
            "#run-next",
            "#run-step",
            "#cancel-step",
            "#skip-step",
            "#add-note",
            "#add-decision",
            "#exercise-clock",
            "#fire-inject",
            "#add-inject",
            "#fail-step",
            "#theme-toggle",
            "#settings-button",
            "#help-button");

    /** Enough lines that the first and the last are never on screen together, whatever the inject above the log takes. */
    private static final int SCREENS_OF_NOTES = 6;

    @TempDir
    Path dir;

    private Stage stage;
    private IncidentLogStore log;
    private List<Runbook> runbooks;
    private List<Exercise> exercises;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void load() {
        log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "newcomer");
        ActionCatalog catalog = ActionCatalog.builtIn();
        runbooks = new RunbookLoader(catalog).load(List.of(Path.of("runbooks"))).runbooks();
        exercises = new ExerciseLoader(runbooks, catalog)
                .loadFolder(Path.of("runbooks/exercises"))
                .exercises();
    }

    @AfterEach
    void close(FxRobot robot) {
        if (TestWindows.present(robot, "#back-to-start"))
            robot.clickOn("#back-to-start"); // the tabletop stops before its log closes
        log.close();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024,700", "1280,800"})
    void theIncidentScreenStaysReadableAndStill(int width, int height, FxRobot robot) throws Exception {
        open(robot, width, height);
        startTheSample(robot);
        assertThat(find(robot, "#phase-post-recovery", Label.class).getText())
                .as("the runbook has no post-recovery step")
                .endsWith("no steps");
        assertThat(find(robot, "#phase-immediate", Label.class).getText())
                .startsWith("Immediate response · 0-15 min\n");
        assertReadable(robot, READABLE);

        Bounds table = bounds(robot, "#steps");
        Bounds buttons = bounds(robot, "#run-next");
        robot.clickOn("#run-next");
        Awaitility.await().until(() -> shown(robot, "#tick-bar"));
        assertThat(bounds(robot, "#steps"))
                .as("the table, when a step asks for a tick")
                .isEqualTo(table);
        assertThat(bounds(robot, "#run-next")).isEqualTo(buttons);
        assertThat(TestWindows.text(robot, "#tick-instructions"))
                .contains("logs for the first database error and note its time in UTC")
                .contains("(that is the restoreTime parameter)")
                .doesNotContain("**")
                .doesNotContain("`");
        assertThat(styleOf(robot, "#tick-instructions", "first").getStyleClass())
                .as("**first**")
                .contains("text-bold");
        assertThat(styleOf(robot, "#tick-instructions", "restoreTime").getStyle())
                .as("`restoreTime`")
                .contains("monospace");
        assertReadable(robot, List.of("#tick-prompt", "#tick-off", "#record-firstError-now"));

        robot.clickOn("#run-step"); // the step waits for its tick: it cannot be run, and the window says why under the
        // buttons
        Awaitility.await().until(() -> shown(robot, "#action-problem"));
        assertThat(find(robot, "#action-problem", Label.class).getText()).contains("cannot be started now");
        assertThat(bounds(robot, "#steps"))
                .as("the table, when an error line appears")
                .isEqualTo(table);
        assertThat(bounds(robot, "#run-next")).isEqualTo(buttons);
        robot.clickOn("#action-problem");
        Awaitility.await().until(() -> !shown(robot, "#action-problem"));

        robot.clickOn("#record-firstError-now");
        robot.clickOn("#tick-off");
        Awaitility.await().atMost(60, TimeUnit.SECONDS).until(() -> stateOf(robot, "wait") == StepState.WAITING);
        Awaitility.await()
                .until(() -> find(robot, "#step-progress-time", Label.class)
                        .getText()
                        .endsWith("of about 20 min expected"));
        assertThat(find(robot, "#step-progress", Region.class).getHeight())
                .as("the progress bar's height")
                .isGreaterThanOrEqualTo(12);
        assertReadable(robot, List.of("#copy-command", "#step-progress-time"));
        assertReadable(robot, READABLE);
        assertThat(shownColumns(robot))
                .as("the steps table's columns, within its width")
                .containsSubsequence("#", "Step", "State", "Time", "Done by")
                .contains(width >= 1280 ? "Phase" : "Step");
        screenshot(robot, "incident-" + width + "x" + height + "-light");

        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        Awaitility.await()
                .until(() -> find(robot, "#theme-toggle", ToggleButton.class).isSelected());
        assertReadable(robot, READABLE);
        screenshot(robot, "incident-" + width + "x" + height + "-dark");

        Awaitility.await().atMost(60, TimeUnit.SECONDS).until(() -> shown(robot, "#notifications .label"));
        for (String covered : List.of(
                "#incident-clocks", "#facilitator-bar", "#close-incident", "#back-to-start", "#note-text", "#phases")) {
            assertThat(bounds(robot, "#notifications .label").intersects(bounds(robot, covered)))
                    .as("a notice over " + covered)
                    .isFalse();
        }
        Awaitility.await().atMost(60, TimeUnit.SECONDS).until(() -> shown(robot, "#confirm-bar"));
        assertThat(bounds(robot, "#steps"))
                .as("the table, when a step asks for a confirmation")
                .isEqualTo(table);
        assertThat(bounds(robot, "#run-next")).isEqualTo(buttons);
        assertReadable(robot, List.of("#confirm-prompt", "#confirm-button"));
    }

    @Test
    void theLogFollowsTheNewestEventUnlessTheOperatorScrolledUp(FxRobot robot) throws Exception {
        open(robot, 1024, 700);
        startTheSample(robot);
        ListView<?> list = find(robot, "#log-list", ListView.class);
        for (int i = 1; visible(list)[0] < SCREENS_OF_NOTES; i++) {
            assertThat(i).as("notes written before the list scrolled").isLessThan(40);
            note(robot, "note " + i);
        }
        assertThat(visible(list)[1]).as("the newest line is shown").isEqualTo(size(list) - 1);

        robot.drag(thumb(list), MouseButton.PRIMARY)
                .moveBy(0, -list.getHeight())
                .drop();
        Awaitility.await().until(() -> visible(list)[0] == 0);
        note(robot, "written while the operator reads the first lines");
        assertThat(visible(list)[0])
                .as("the list stays where the operator scrolled")
                .isZero();
        assertThat(visible(list)[1]).isLessThan(size(list) - 1);

        robot.drag(thumb(list), MouseButton.PRIMARY).moveBy(0, list.getHeight()).drop();
        Awaitility.await().until(() -> visible(list)[1] == size(list) - 1);
        note(robot, "back at the end");
        Awaitility.await()
                .untilAsserted(() -> assertThat(visible(list)[1])
                        .as("followed again once back at the end")
                        .isEqualTo(size(list) - 1));
    }

    @Test
    void aResumedRehearsalDoesNotPopItsOldNoticesAndReadsTheSameTimeEverywhere(FxRobot robot) throws Exception {
        Exercise regionFailure = exercises.stream()
                .filter(e -> e.id().equals("druid-region-failure-tabletop"))
                .findFirst()
                .orElseThrow();
        Runbook runbook = runbooks.stream()
                .filter(r -> r.id().equals(regionFailure.runbookId()))
                .findFirst()
                .orElseThrow();
        try (Tabletop declared =
                DrPilotServices.fromEnvironment().tabletops().start(regionFailure, runbook, log, 1, "newcomer")) {
            assertThat(declared.run().incidentId()).startsWith("REH-");
        }
        open(robot, 1024, 700);
        Awaitility.await().until(() -> shown(robot, "#unfinished"));

        robot.clickOn("#resume-unfinished");
        // told 40 minutes after the failure began: the immediate phase's window has closed with its work open, which is
        // news
        Awaitility.await()
                .until(() -> notices(robot).stream().anyMatch(n -> n.startsWith("Clock breached: phase immediate")));
        for (String covered :
                List.of("#incident-clocks", "#facilitator-bar", "#close-incident", "#back-to-start", "#note-text")) {
            assertThat(bounds(robot, "#notifications .label").intersects(bounds(robot, covered)))
                    .as("a notice over " + covered)
                    .isFalse();
        }
        robot.clickOn("#rehearsal-pause");
        note(robot, "paused to talk it over");
        Thread.sleep(1200); // the screen and its bar tick again, together, on the paused clock
        String exerciseTime =
                clockIn(find(robot, "#exercise-clock", Label.class).getText());
        assertThat(clockIn(find(robot, "#incident-clocks", Label.class).getText()))
                .as("the screen's elapsed time and the bar's T+")
                .isEqualTo(exerciseTime);

        robot.clickOn("#back-to-start");
        Awaitility.await().until(() -> shown(robot, "#unfinished"));
        TableView<?> incidents = find(robot, "#incident-list", TableView.class);
        assertThat(WaitForAsyncUtils.asyncFx(() -> incidents.getColumns().get(5).getCellData(0))
                        .get())
                .as("the list, on the rehearsal's own clock, standing at its last event")
                .isEqualTo("T+" + exerciseTime);
        assertThat(notices(robot)).isEmpty();

        robot.clickOn("#resume-unfinished");
        Awaitility.await().until(() -> TestWindows.present(robot, "#facilitator-bar"));
        Awaitility.await()
                .until(() -> find(robot, "#log-list", ListView.class).getItems().stream()
                        .anyMatch(e -> e.toString().contains("paused to talk it over")));
        Thread.sleep(1500); // a second tick of the screen's clocks, which checks them
        assertThat(notices(robot))
                .as("a resume replays no notice: the breach is in the log, not news")
                .isEmpty();
        assertThat(find(robot, "#log-list", ListView.class).getItems().stream()
                        .filter(e -> e.toString().contains("CLOCK_BREACH")))
                .hasSize(1);
    }

    // ---- the window ----

    private void open(FxRobot robot, int width, int height) throws Exception {
        MainWindow window = WaitForAsyncUtils.asyncFx(() -> TestWindows.open(stage, width, height))
                .get();
        WaitForAsyncUtils.asyncFx(() -> window.attach(UiBackends.of(
                        runbooks,
                        exercises,
                        log,
                        UiBackends.engineOn(log, dir),
                        dir.resolve("exports"),
                        () -> "no AWS in a rehearsal",
                        run -> List.of(),
                        ParameterSuggestions.NONE,
                        DrPilotServices.fromEnvironment().tabletops(),
                        TeamLogLink.NONE)))
                .get();
        Awaitility.await()
                .until(() -> !find(robot, "#start-rehearsal", Button.class).isDisabled());
    }

    private void startTheSample(FxRobot robot) throws Exception {
        robot.clickOn("#rehearse-sample");
        WaitForAsyncUtils.asyncFx(() -> find(robot, "#setup-speed", ChoiceBox.class)
                        .getSelectionModel()
                        .selectLast())
                .get();
        robot.clickOn("#start-tabletop");
        Awaitility.await().until(() -> TestWindows.present(robot, "#facilitator-bar"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void note(FxRobot robot, String text) {
        robot.clickOn("#note-text").write(text).type(KeyCode.ENTER);
        Awaitility.await()
                .until(() -> find(robot, "#log-list", ListView.class).getItems().stream()
                        .anyMatch(e -> e.toString().contains(text)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void screenshot(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), name))
                .get();
    }

    // ---- what the screen shows ----

    private static <T extends Node> T find(FxRobot robot, String id, Class<T> type) {
        return TestWindows.find(robot, id, type);
    }

    private static <T> T onFx(Callable<T> question) throws Exception {
        return WaitForAsyncUtils.asyncFx(question).get();
    }

    private static boolean shown(FxRobot robot, String query) throws Exception {
        return onFx(() -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false));
    }

    private static Bounds bounds(FxRobot robot, String query) throws Exception {
        return onFx(() -> {
            Node node = robot.lookup(query).query();
            return node.localToScene(node.getBoundsInLocal());
        });
    }

    /**
     * Each of these is shown whole: in the window, as wide as it asks to be, its text drawn as it
     * is (a cut one is drawn with "..."), and where it wraps, with no line lost.
     */
    private void assertReadable(FxRobot robot, List<String> queries) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = onFx(() -> {
            // a clock may have changed a label's text since the last pulse: lay out first, as the next frame would
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            double sceneWidth = stage.getScene().getWidth();
            double sceneHeight = stage.getScene().getHeight();
            List<String> problems = new ArrayList<>();
            for (String query : queries) {
                Labeled labeled = robot.lookup(query).queryAs(Labeled.class);
                Text drawn = (Text) labeled.lookup(".text");
                Bounds in = labeled.localToScene(labeled.getBoundsInLocal());
                boolean whole = labeled.isVisible()
                        && drawn != null
                        && drawn.getText().equals(labeled.getText())
                        && (labeled.isWrapText() || labeled.getWidth() + 0.5 >= labeled.prefWidth(-1))
                        && labeled.getHeight() + 0.5 >= labeled.prefHeight(labeled.getWidth())
                        && in.getMinX() >= 0
                        && in.getMaxX() <= sceneWidth + 0.5
                        && in.getMinY() >= 0
                        && in.getMaxY() <= sceneHeight + 0.5;
                if (!whole) {
                    problems.add(query + " '" + labeled.getText() + "' drawn as '"
                            + (drawn == null ? null : drawn.getText()) + "' in " + Math.round(labeled.getWidth()) + "x"
                            + Math.round(labeled.getHeight()) + " at " + in);
                }
            }
            return problems;
        });
        assertThat(cut)
                .as("cut, or out of the " + stage.getScene().getWidth() + "x"
                        + stage.getScene().getHeight() + " window")
                .isEmpty();
    }

    private static Text styleOf(FxRobot robot, String flow, String text) throws Exception {
        return onFx(() -> robot.lookup(flow).queryAs(TextFlow.class).getChildren().stream()
                .map(Text.class::cast)
                .filter(t -> t.getText().equals(text))
                .findFirst()
                .orElseThrow());
    }

    /** The steps table's columns shown whole, left to right. */
    private static List<String> shownColumns(FxRobot robot) throws Exception {
        TableView<?> steps = find(robot, "#steps", TableView.class);
        return onFx(() -> {
            List<String> shown = new ArrayList<>();
            double right = 0;
            for (var column : steps.getVisibleLeafColumns()) {
                right += column.getWidth();
                if (right <= steps.getWidth()) shown.add(column.getText());
            }
            return shown;
        });
    }

    private static StepState stateOf(FxRobot robot, String stepId) throws Exception {
        TableView<?> steps = find(robot, "#steps", TableView.class);
        return onFx(() -> steps.getItems().stream()
                .map(StepRun.class::cast)
                .filter(s -> s.id().equals(stepId))
                .findFirst()
                .orElseThrow()
                .state());
    }

    private static List<String> notices(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup("#notifications").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText())
                .toList());
    }

    /** The first and last lines the list shows. */
    private static int[] visible(ListView<?> list) throws Exception {
        return onFx(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
            return new int[] {
                flow.getFirstVisibleCell().getIndex(), flow.getLastVisibleCell().getIndex()
            };
        });
    }

    /** The thumb of the list's vertical scroll bar, which the operator drags. */
    private static Node thumb(ListView<?> list) throws Exception {
        return onFx(() -> list.lookupAll(".scroll-bar").stream()
                .map(ScrollBar.class::cast)
                .filter(bar -> bar.getOrientation() == Orientation.VERTICAL)
                .findFirst()
                .orElseThrow()
                .lookup(".thumb"));
    }

    private static int size(ListView<?> list) throws Exception {
        return onFx(() -> list.getItems().size());
    }

    /** "00:41:02" out of "T+00:41:02 (paused)" or "Elapsed 00:41:02   ·   ...". */
    private static String clockIn(String text) {
        Matcher clock = Pattern.compile("\\d\\d:\\d\\d:\\d\\d").matcher(text);
        assertThat(clock.find()).as(text).isTrue();
        return clock.group();
    }
}
