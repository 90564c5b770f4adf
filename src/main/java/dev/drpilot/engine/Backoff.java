package dev.drpilot.engine;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: attempt n waits a random time up to
 * min(max, initial * 2^n), so that many clients retrying a throttled API do not retry in step.
 */
public record Backoff(Duration initial, Duration max, RandomGenerator random) {

    public static Backoff standard(RandomGenerator random) {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), random);
    }

    /** The delay before retry {@code attempt} (0 for the first retry). */
    public Duration delay(int attempt) {
        long cap = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt, 20));
        long half = cap / 2;
        return Duration.ofMillis(half + random.nextLong(cap - half + 1));
    }
}
