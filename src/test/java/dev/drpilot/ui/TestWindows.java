package dev.drpilot.ui;

import atlantafx.base.theme.PrimerLight;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The app's window as the UI tests open it: light theme, 1280x800 (Monocle's screen) unless told, shortcuts installed. */
final class TestWindows {

    /** The window's task runner, as the app builds it: a worker pool, results on the FX thread. */
    static final TaskRunner TASKS = new FxTaskRunner();

    private TestWindows() {}

    /**
     * The node with this id, looked up on the FX thread: a lookup from the test's thread walks the
     * scene graph while the FX thread changes it (the log and live status grow all the time).
     */
    static <T extends Node> T find(FxRobot robot, String id, Class<T> type) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).queryAs(type))
                    .get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("looking up " + id, e);
        }
    }

    /** Whether a node with this id is in a window, asked on the FX thread. */
    static boolean present(FxRobot robot, String id) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).tryQuery().isPresent())
                    .get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("looking up " + id, e);
        }
    }

    /** What a text flow (a step's rendered instructions) reads as, asked on the FX thread. */
    static String text(FxRobot robot, String id) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).queryAs(TextFlow.class).getChildren().stream()
                            .map(node -> ((Text) node).getText())
                            .collect(Collectors.joining()))
                    .get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("reading " + id, e);
        }
    }

    static MainWindow open(Stage stage) {
        return open(stage, 1280, 800);
    }

    /** Call on the FX thread. */
    static MainWindow open(Stage stage, int width, int height) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        MainWindow window = new MainWindow(TASKS);
        Scene scene = new Scene(window.root(), width, height);
        window.installShortcuts(scene);
        stage.setTitle(MainWindow.TITLE);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
        return window;
    }
}
