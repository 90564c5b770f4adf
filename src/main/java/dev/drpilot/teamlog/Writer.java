package dev.drpilot.teamlog;

/**
 * Who wrote events into the team log: the responder, and the laptop whose local log holds them.
 * The laptop id names one hash chain per incident (its local log's), so it must stay the same for
 * as long as that log lives.
 *
 * @param responder the person, as the team knows them
 * @param laptop    the id of the laptop's log: letters, digits, '-', '_' or '.', at most 64
 */
public record Writer(String responder, String laptop) {

    public Writer {
        if (responder == null || responder.isBlank() || responder.length() > 200) {
            throw new IllegalArgumentException("a writer needs a responder's name of 1 to 200 characters");
        }
        if (laptop == null || !laptop.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("a laptop id is 1 to 64 letters, digits, '-', '_' or '.'");
        }
    }

    /** "alice (laptop-7)". */
    public String label() {
        return responder + " (" + laptop + ")";
    }
}
