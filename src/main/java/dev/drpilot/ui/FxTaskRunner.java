package dev.drpilot.ui;

import dev.drpilot.incident.DaemonThreads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * The window's task runner: slow work on a pool of daemon threads, its result (or its error, in
 * words) back on the FX thread. Built once by the application, for the window's whole life.
 */
final class FxTaskRunner implements TaskRunner {

    private final ExecutorService workers = Executors.newCachedThreadPool(new DaemonThreads("drpilot-ui-work"));

    @Override
    public <T> void run(Supplier<T> work, Consumer<T> then, Consumer<String> failed) {
        workers.execute(() -> {
            try {
                T result = work.get();
                Platform.runLater(() -> then.accept(result));
            } catch (RuntimeException e) {
                String message = TaskRunner.inWords(e);
                Platform.runLater(() -> failed.accept(message));
            }
        });
    }

    @Override
    public void onScreen(Runnable change) {
        Platform.runLater(change);
    }
}
