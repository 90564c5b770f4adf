package dev.drpilot.ui;

import java.time.Duration;

/** A duration as every clock of the window shows it: 01:02:03, with a minus sign when it is negative. */
final class ClockText {

    private ClockText() {}

    static String of(Duration d) {
        long seconds = Math.abs(d.toSeconds());
        return (d.isNegative() ? "-" : "")
                + String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
