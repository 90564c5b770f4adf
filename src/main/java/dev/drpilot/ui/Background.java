package dev.drpilot.ui;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Keeps slow work off the FX thread: runs it on a daemon thread and hands its result (or its
 * error, in words) back on the FX thread.
 */
final class Background {

    private static final Executor WORKERS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "drpilot-ui-work");
        thread.setDaemon(true);
        return thread;
    });

    private Background() {
    }

    static <T> void run(Supplier<T> work, Consumer<T> then, Consumer<String> failed) {
        WORKERS.execute(() -> {
            try {
                T result = work.get();
                Platform.runLater(() -> then.accept(result));
            } catch (RuntimeException e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                Platform.runLater(() -> failed.accept(message));
            }
        });
    }
}
