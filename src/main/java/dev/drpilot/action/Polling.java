package dev.drpilot.action;

import java.time.Duration;
import java.util.Optional;

/**
 * Polls a resource (AWS, Kubernetes) with the engine's backoff until a check holds: a transient failure of
 * one poll (throttling, a network blip) just means "poll again", any other failure ends the wait.
 */
public final class Polling {

    /** One poll: the value once the resource is where it should be, empty while it is not. */
    @FunctionalInterface
    public interface Check<T> {
        Optional<T> poll() throws ActionException;
    }

    private record Outcome<T>(T value, ActionException failure) {}

    private Polling() {}

    public static <T> T until(ActionContext context, String what, Duration timeout, Check<T> check)
            throws ActionException, InterruptedException {
        Outcome<T> outcome = context.waitUntil(
                what,
                () -> {
                    try {
                        return check.poll().map(value -> new Outcome<>(value, null));
                    } catch (ActionException e) {
                        return e.isTransient() ? Optional.empty() : Optional.of(new Outcome<T>(null, e));
                    }
                },
                timeout);
        if (outcome.failure() != null) throw outcome.failure();
        return outcome.value();
    }
}
