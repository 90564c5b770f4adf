package dev.drpilot.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where the screens' slow work runs and where its result lands: in the app, a worker pool and
 * then the FX thread ({@link FxTaskRunner}); in the view models' tests, the calling thread, so
 * that what a test does has happened when the call returns.
 */
interface TaskRunner {

    /**
     * Runs {@code work} off the screen's thread, then hands its result to {@code then}, or its
     * failure, in words, to {@code failed}, on the screen's thread.
     */
    <T> void run(Supplier<T> work, Consumer<T> then, Consumer<String> failed);

    /** Runs {@code change} on the screen's thread (now, or soon after). */
    void onScreen(Runnable change);

    /** Runs {@code work} off the screen's thread; a failure, in words, goes to {@code failed} on the screen's thread. */
    default void run(Runnable work, Consumer<String> failed) {
        run(
                () -> {
                    work.run();
                    return Boolean.TRUE;
                },
                done -> {},
                failed);
    }

    /** What a failed piece of work says to the operator: its message, or its kind when it has none. */
    static String inWords(RuntimeException failure) {
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }
}
