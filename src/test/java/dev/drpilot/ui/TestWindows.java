package dev.drpilot.ui;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The app's window as the UI tests open it: light theme, 1280x800 (Monocle's screen), shortcuts installed. */
final class TestWindows {

    private TestWindows() {
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
