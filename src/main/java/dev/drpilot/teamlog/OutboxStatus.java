package dev.drpilot.teamlog;

/**
 * Where an incident's outbox stands after a push.
 *
 * @param waiting  local events the team log has not acknowledged
 * @param exact    false while the team log has not been reached since the outbox started: then
 *                 {@code waiting} counts every local event, some of which it may already hold
 * @param problem  why the last push failed (one sentence), or null when it reached the team log
 */
public record OutboxStatus(long waiting, boolean exact, String problem) {

    public boolean online() {
        return problem == null;
    }

    /** "team log up to date", "team log offline, 3 events waiting", "team log offline, up to 12 events waiting". */
    public String sentence() {
        if (online()) return waiting == 0 ? "team log up to date" : "team log reached, " + events() + " waiting";
        return "team log offline, " + (exact ? "" : "up to ") + events() + " waiting";
    }

    private String events() {
        return waiting + (waiting == 1 ? " event" : " events");
    }
}
