package dev.drpilot.ui;

import atlantafx.base.theme.PrimerLight;
import java.util.concurrent.ExecutionException;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The app's window as the UI tests open it: light theme, 1280x800 (Monocle's screen), shortcuts installed. */
final class TestWindows {

    private TestWindows() {
    }

    /**
     * The node with this id, looked up on the FX thread: a lookup from the test's thread walks the
     * scene graph while the FX thread changes it (the log and live status grow all the time).
     */
    static <T extends Node> T find(FxRobot robot, String id, Class<T> type) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).queryAs(type)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("looking up " + id, e);
        }
    }

    /** Whether a node with this id is in a window, asked on the FX thread. */
    static boolean present(FxRobot robot, String id) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).tryQuery().isPresent()).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("looking up " + id, e);
        }
    }

    static MainWindow open(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        MainWindow window = new MainWindow();
        Scene scene = new Scene(window.root(), 1280, 800);
        window.installShortcuts(scene);
        stage.setTitle(MainWindow.TITLE);
        stage.setScene(scene);
        stage.show();
        return window;
    }
}
