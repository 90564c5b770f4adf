package dev.drpilot.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Who drives an incident now: the seat that claimed it, since when, and when it last said it was
 * still there. Only the driver runs the incident's steps; anyone may still write notes.
 */
public record Driver(Seat seat, Instant since, Instant heartbeat) {

    /** A driver silent for longer than this has gone (crashed, or the laptop closed): its claim may be taken without asking. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(15);

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    /** "alice on host-b (pid 1234) since 10:42 UTC". */
    public String label() {
        return seat.label() + " since " + TIME.format(since) + " UTC";
    }

    public boolean stale(Instant now) {
        return heartbeat.plus(STALE_AFTER).isBefore(now) || seat.endedOnThisMachine();
    }
}
