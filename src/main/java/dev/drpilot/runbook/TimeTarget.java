package dev.drpilot.runbook;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * An RTO or RPO target from the guide's tables: at most a duration ({@code PT5M}, "< 5 minutes"),
 * a window ({@code PT2H/PT4H}, "2-4 hours"), or {@code none} (no data loss).
 */
public record TimeTarget(Duration atLeast, Duration atMost) {

    public static final TimeTarget NONE = new TimeTarget(Duration.ZERO, Duration.ZERO);

    /** Parses the runbook notation; throws {@link IllegalArgumentException} with what is accepted. */
    public static TimeTarget parse(String text) {
        String t = text.trim();
        if (t.equals("none")) return NONE;
        try {
            int slash = t.indexOf('/');
            if (slash < 0) return new TimeTarget(Duration.ZERO, positive(Duration.parse(t)));
            Duration from = positive(Duration.parse(t.substring(0, slash)));
            Duration to = positive(Duration.parse(t.substring(slash + 1)));
            if (from.compareTo(to) >= 0) {
                throw new IllegalArgumentException(
                        "the window '" + t + "' must go from the shorter to the longer duration");
            }
            return new TimeTarget(from, to);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + t + "' is not a target: write an ISO-8601 duration"
                    + " such as PT5M, a window such as PT2H/PT4H, or none");
        }
    }

    private static Duration positive(Duration d) {
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("a target must be longer than zero: " + d);
        return d;
    }

    public boolean isNone() {
        return atMost.isZero();
    }

    /**
     * Whether an achieved time meets the target as the guide writes it: "< 5 min" is strictly
     * under 5 minutes (5 minutes is missed); a window "30 min - 1 h" is met up to its end, 1 hour
     * included; "none" (no data loss) only by nothing at all.
     */
    public boolean metBy(Duration achieved) {
        if (isNone()) return achieved.isZero();
        return atLeast.isZero() ? achieved.compareTo(atMost) < 0 : achieved.compareTo(atMost) <= 0;
    }

    /** As an operator reads it: "none", "< 5 min", "2 h - 4 h". */
    public String label() {
        if (isNone()) return "none";
        if (atLeast.isZero()) return "< " + Durations.human(atMost);
        return Durations.human(atLeast) + " - " + Durations.human(atMost);
    }

    /** The runbook notation, which {@link #parse} reads back. */
    public String notation() {
        if (isNone()) return "none";
        if (atLeast.isZero()) return atMost.toString();
        return atLeast + "/" + atMost;
    }
}
