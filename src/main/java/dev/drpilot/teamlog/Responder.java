package dev.drpilot.teamlog;

import java.time.Duration;
import java.time.Instant;

/**
 * A responder of an incident as the team log knows them.
 *
 * @param leftAt    when they left, or null while they are on the incident
 * @param silentFor how long before the team log was read their laptop's last heartbeat was (by the server's clock)
 */
public record Responder(
        String name,
        String laptop,
        Role role,
        Instant joinedAt,
        Instant leftAt,
        Instant lastSeenAt,
        Duration silentFor) {

    /** Missed heartbeats for this long: the responder's laptop is gone (closed, asleep, off the network). */
    public static final Duration GONE_AFTER = Duration.ofSeconds(15);

    /** Left, or silent for longer than {@link #GONE_AFTER}. */
    public boolean present() {
        return leftAt == null && silentFor.compareTo(GONE_AFTER) <= 0;
    }

    /** "present", "gone" (heartbeats missed) or "left". */
    public String presence() {
        if (leftAt != null) return "left";
        return present() ? "present" : "gone";
    }
}
