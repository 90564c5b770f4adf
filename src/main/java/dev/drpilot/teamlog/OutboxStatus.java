package dev.drpilot.teamlog;

/**
 * Where an incident's outbox stands after a push.
 *
 * @param waiting  local events the team log has not acknowledged
 * @param exact    false while the team log has not been reached since the outbox started: then
 *                 {@code waiting} counts every local event, some of which it may already hold
 * @param problem  why the last push failed (one sentence), or null when it reached the team log
 * @param offline  the team log could not be reached (else, with a problem, it refused: see the problem)
 */
public record OutboxStatus(long waiting, boolean exact, String problem, boolean offline) {

    /** Nothing waits: the team log holds every event pushed to it. */
    public static final OutboxStatus UP_TO_DATE = new OutboxStatus(0, true, null, false);

    public boolean online() {
        return problem == null;
    }

    /**
     * "team log: up to date", "team log offline, 3 events waiting", "team log offline, up to 12 events
     * waiting", or "team log refused this laptop's events, they are kept here" (the problem says why).
     */
    public String sentence() {
        if (online()) return "team log: up to date";
        if (!offline) return "team log refused this laptop's events, they are kept here";
        return "team log offline, " + (exact ? "" : "up to ") + events() + " waiting";
    }

    private String events() {
        return waiting + (waiting == 1 ? " event" : " events");
    }
}
