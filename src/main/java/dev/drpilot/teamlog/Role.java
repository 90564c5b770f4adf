package dev.drpilot.teamlog;

import java.util.Locale;

/** What a responder does on an incident: one commander, operators who run steps, a scribe, observers. */
public enum Role {
    COMMANDER,
    OPERATOR,
    SCRIBE,
    OBSERVER;

    /** "commander": as the team log stores it and a person types it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The role a person typed.
     *
     * @throws IllegalArgumentException with one sentence naming the roles there are
     */
    public static Role of(String word) {
        for (Role role : values()) {
            if (role.word().equalsIgnoreCase(word == null ? "" : word.strip())) return role;
        }
        throw new IllegalArgumentException(
                "There is no role '" + word + "': a responder is a commander, an operator, a scribe or an observer.");
    }
}
