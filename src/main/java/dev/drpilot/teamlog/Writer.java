package dev.drpilot.teamlog;

/**
 * Who wrote events into the team log: the responder, and the laptop whose local log holds them.
 * The laptop id names one hash chain per incident (its local log's), so it must stay the same for
 * as long as that log lives.
 *
 * @param responder the person, as the team knows them
 * @param laptop    the id of the laptop's log: letters, digits, '-', '_' or '.', at most 57 (64 with its responder chain's suffix)
 */
public record Writer(String responder, String laptop) {

    public Writer {
        if (responder == null || responder.isBlank() || responder.length() > 200) {
            throw new IllegalArgumentException("a writer needs a responder's name of 1 to 200 characters");
        }
        if (laptop == null || !laptop.matches("[A-Za-z0-9._-]{1,57}(\\.roster)?")) {
            throw new IllegalArgumentException("a laptop id is 1 to 57 letters, digits, '-', '_' or '.'");
        }
    }

    /** The suffix of the laptop id under which a laptop's responder events (joined, left, handed over) are chained. */
    private static final String ROSTER = ".roster";

    /**
     * The writer of this laptop's responder events: a chain of its own in the team log, apart from
     * the events of the laptop's local log, so that joining an incident declared elsewhere never
     * touches the local log, and a laptop that declared one keeps its chain as its log has it.
     */
    public Writer roster() {
        return isRoster() ? this : new Writer(responder, laptop + ROSTER);
    }

    public boolean isRoster() {
        return laptop.endsWith(ROSTER);
    }

    /** The laptop itself, for its responder events too. */
    public String machine() {
        return isRoster() ? laptop.substring(0, laptop.length() - ROSTER.length()) : laptop;
    }

    /** "alice (laptop-7)". */
    public String label() {
        return responder + " (" + laptop + ")";
    }
}
