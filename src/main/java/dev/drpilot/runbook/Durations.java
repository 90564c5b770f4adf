package dev.drpilot.runbook;

import java.time.Duration;

/** Durations as an operator reads them. */
public final class Durations {
    private Durations() {}

    /** "45 s", "5 min", "1 h 30 min", "7 d". */
    public static String human(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 60) return seconds + " s";
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        StringBuilder out = new StringBuilder();
        if (days > 0) out.append(days).append(" d");
        if (hours > 0) out.append(out.isEmpty() ? "" : " ").append(hours).append(" h");
        if (minutes > 0) out.append(out.isEmpty() ? "" : " ").append(minutes).append(" min");
        if (out.isEmpty()) out.append(seconds).append(" s");
        return out.toString();
    }
}
