package dev.drpilot.teamlog;

/**
 * The team log cannot be used now: unreachable, refused, or it holds something that does not fit.
 * The message is one sentence for a person, and never holds a password.
 */
public final class TeamLogException extends RuntimeException {

    private final boolean unreachable;

    private TeamLogException(String message, Throwable cause, boolean unreachable) {
        super(message, cause);
        this.unreachable = unreachable;
    }

    /** It could not be reached, or the connection broke: trying again later is all there is to do. */
    static TeamLogException unreachable(String message, Throwable cause) {
        return new TeamLogException(message, cause, true);
    }

    /** It was reached and said no (a login, TLS, events that do not fit): someone has to change something. */
    static TeamLogException refused(String message, Throwable cause) {
        return new TeamLogException(message, cause, false);
    }

    public boolean unreachable() {
        return unreachable;
    }
}
