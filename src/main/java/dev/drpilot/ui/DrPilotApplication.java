package dev.drpilot.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The desktop app's JavaFX entry point. The window is on screen before anything slow happens:
 * the runbooks, the log (and its migration) and the engine are built once the first frame has been
 * drawn, so that their classes (Jackson, H2, Flyway, the SDKs) neither load nor take a core before it.
 */
public final class DrPilotApplication extends Application {

    private static Function<UiSettings, UiBackend> backends;
    private static LongConsumer onFirstFrame = millis -> {};
    private final TaskRunner tasks = new FxTaskRunner();
    private UiBackend current;

    /** Launches the app on what {@code backend} builds from the saved settings; returns when its last window closes. */
    public static void start(String[] args, Function<UiSettings, UiBackend> backend) {
        backends = backend;
        Application.launch(DrPilotApplication.class, args);
    }

    /**
     * Hears once, when the first frame is on screen, how many milliseconds passed since the
     * process started (the cold-start benchmark). Call before {@link #start}.
     */
    public static void whenFirstFrameShows(LongConsumer millisSinceProcessStart) {
        onFirstFrame = millisSinceProcessStart;
    }

    @Override
    public void start(Stage stage) {
        Preferences saved = savedSettings();
        boolean dark = saved.getBoolean("dark", false);
        MainWindow.useTheme(dark);
        MainWindow window = new MainWindow(tasks);
        window.setDark(dark);
        Scene scene = new Scene(window.root(), saved.getDouble("width", 1280), saved.getDouble("height", 820));
        window.installShortcuts(scene);
        stage.setTitle(MainWindow.TITLE);
        stage.setScene(scene);
        if (saved.getBoolean("maximized", false)) stage.setMaximized(true);
        stage.setOnHiding(e -> {
            saved.putDouble("width", scene.getWidth());
            saved.putDouble("height", scene.getHeight());
            saved.putBoolean("maximized", stage.isMaximized());
            saved.putBoolean("dark", window.isDark());
        });
        window.openExportsWith(
                file -> getHostServices().showDocument(file.toUri().toString()));
        window.rememberLayoutIn(saved);
        stage.show();
        UiSettings settings = UiSettings.load(saved);
        window.useSettings(settings, changed -> {
            changed.save(saved);
            connect(window, changed);
        });
        afterFirstFrame(() -> {
            ProcessHandle.current()
                    .info()
                    .startInstant()
                    .ifPresent(started -> onFirstFrame.accept(
                            Duration.between(started, Instant.now()).toMillis()));
            connect(window, settings);
        });
    }

    /**
     * The window's saved settings. On Linux the JDK keeps them under ~/.java/.userPrefs and, when it
     * makes that folder on a first start, prints "INFO: Created user preferences directory." with a
     * date to the terminal: the folder is made here first, quietly. If it cannot be made, the JDK
     * tries again and says why.
     */
    private static Preferences savedSettings() {
        if (System.getProperty("os.name", "").equals("Linux")) {
            String root = System.getProperty("java.util.prefs.userRoot", System.getProperty("user.home"));
            try {
                Files.createDirectories(Path.of(root, ".java", ".userPrefs"));
            } catch (IOException | RuntimeException e) {
                // the JDK's own attempt below reports it
            }
        }
        return Preferences.userNodeForPackage(DrPilotApplication.class);
    }

    /**
     * Runs {@code then} on the FX thread at the second pulse after the window is shown: the first
     * lays the window out and hands its first frame to the renderer. The cold-start benchmark's
     * empty window (packaging/floor) times its first frame at the same pulse.
     */
    private static void afterFirstFrame(Runnable then) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) return;
                stop();
                then.run();
            }
        }.start();
    }

    private void connect(MainWindow window, UiSettings settings) {
        UiBackend previous = current;
        tasks.run(
                () -> {
                    if (previous != null) previous.close();
                    return backends.apply(settings);
                },
                ready -> {
                    current = ready;
                    window.attach(ready);
                },
                window::failed);
    }
}
