package dev.drpilot.readiness;

import java.time.Duration;

/** Ages and spans in the words of the table ("3 min", "26 h", "12 days"). */
final class Ages {

    private Ages() {}

    static String of(Duration age) {
        Duration d = age.isNegative() ? Duration.ZERO : age;
        if (d.compareTo(Duration.ofMinutes(2)) < 0) return d.toSeconds() + " s";
        if (d.compareTo(Duration.ofHours(2)) < 0) return d.toMinutes() + " min";
        if (d.compareTo(Duration.ofDays(2)) < 0) return d.toHours() + " h";
        return d.toDays() + " days";
    }
}
