package dev.drpilot.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The view models' tests' task runner: everything on the calling thread, done when the call
 * returns. Changes for the screen are made one at a time, as on the FX thread: an incident's
 * follower thread and the test's own acts both deliver events.
 */
final class SameThreadTaskRunner implements TaskRunner {

    @Override
    public synchronized <T> void run(Supplier<T> work, Consumer<T> then, Consumer<String> failed) {
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            failed.accept(TaskRunner.inWords(e));
            return;
        }
        then.accept(result);
    }

    @Override
    public synchronized void onScreen(Runnable change) {
        change.run();
    }
}
