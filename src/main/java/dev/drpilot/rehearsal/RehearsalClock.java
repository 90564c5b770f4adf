package dev.drpilot.rehearsal;

import dev.drpilot.engine.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A tabletop's clock: it starts at the real time and then runs {@code speed} times faster (1x
 * to 60x), and stops while the facilitator pauses. Everything in a tabletop reads it: the
 * engine's waits and retries, the injects, the incident log's timestamps, the RTO clock.
 */
public final class RehearsalClock extends Clock {

    public static final int MAX_SPEED = 60;

    private final Clock real;
    private Instant simulatedAtMark;
    private Instant realAtMark;
    private int speed;
    private boolean paused;

    public RehearsalClock(Clock real, int speed) {
        this(real, checked(speed), real.instant());
    }

    /** A clock that carries on from where a rehearsal's log stopped (the app was closed mid-rehearsal). */
    public static RehearsalClock resumingAt(Instant simulated, int speed) {
        return new RehearsalClock(Clock.systemUTC(), checked(speed), simulated);
    }

    /** Any speed, for the tests that run whole exercises in a fraction of a second. */
    static RehearsalClock unchecked(int speed) {
        return new RehearsalClock(Clock.systemUTC(), speed, Instant.now());
    }

    private RehearsalClock(Clock real, int speed, Instant simulatedStart) {
        this.real = real;
        this.realAtMark = real.instant();
        this.simulatedAtMark = simulatedStart;
        this.speed = speed;
    }

    @Override
    public synchronized Instant instant() {
        if (paused) return simulatedAtMark;
        Duration realElapsed = Duration.between(realAtMark, real.instant());
        return simulatedAtMark.plus(realElapsed.multipliedBy(speed));
    }

    public synchronized int speed() {
        return speed;
    }

    /** Compresses time from now on: 1 is real time, 60 makes an hour pass in a minute. */
    public synchronized void setSpeed(int newSpeed) {
        checked(newSpeed);
        mark();
        speed = newSpeed;
        notifyAll();
    }

    public synchronized void pause() {
        mark();
        paused = true;
    }

    public synchronized void resume() {
        if (!paused) return;
        realAtMark = real.instant();
        paused = false;
        notifyAll();
    }

    public synchronized boolean paused() {
        return paused;
    }

    /** Waits as long as {@code duration} takes on this clock: shorter at speed, forever while paused. */
    public Sleeper sleeper() {
        return duration -> sleepUntil(instant().plus(duration));
    }

    private synchronized void sleepUntil(Instant target) throws InterruptedException {
        while (true) {
            Instant now = instant();
            if (!now.isBefore(target)) return;
            if (paused) {
                wait();
            } else {
                long realMillis = Duration.between(now, target).toMillis() / speed;
                wait(Math.max(1, realMillis));
            }
        }
    }

    private void mark() {
        simulatedAtMark = instant();
        realAtMark = real.instant();
    }

    private static int checked(int speed) {
        if (speed < 1 || speed > MAX_SPEED) {
            throw new IllegalArgumentException("speed " + speed + "x: give 1 (real time) to " + MAX_SPEED);
        }
        return speed;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a rehearsal runs in UTC, like the incident log");
    }
}
