package dev.drpilot.engine;

import java.time.Duration;

/** Waits between polls and retries; tests pass one that advances a test clock instead. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper real() {
        return d -> Thread.sleep(d);
    }
}
