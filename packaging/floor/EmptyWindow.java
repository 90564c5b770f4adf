import java.time.Duration;
import java.time.Instant;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

/**
 * The floor of the cold-start benchmark (packaging/cold-start-bench.sh): an empty JavaFX window,
 * nothing else. It says when its first frame was drawn the way DR Pilot's probe does (the pulse
 * after the first one, timed from the process's start) and exits.
 */
public final class EmptyWindow {

    private EmptyWindow() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** A class of its own: a main class that extends Application needs JavaFX as modules. */
    public static final class Window extends Application {

        @Override
        public void start(Stage stage) {
            stage.setTitle("floor");
            stage.setScene(new Scene(new Pane(), 1280, 820));
            stage.show();
            new AnimationTimer() {
                private int pulses;

                @Override
                public void handle(long now) {
                    if (++pulses < 2) return;
                    stop();
                    ProcessHandle.current().info().startInstant().ifPresent(started ->
                            System.out.println("first frame " + Duration.between(started, Instant.now()).toMillis()
                                    + " ms after the process started"));
                    System.exit(0);
                }
            }.start();
        }
    }
}
