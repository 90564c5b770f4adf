package dev.drpilot.ui;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop app's JavaFX entry point. */
public final class DrPilotApplication extends Application {

    /** Launches the app; returns when its last window closes. */
    public static void start(String[] args) {
        Application.launch(DrPilotApplication.class, args);
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setTitle(MainWindow.TITLE);
        stage.setScene(new Scene(new MainWindow().root(), 1200, 800));
        stage.show();
    }
}
