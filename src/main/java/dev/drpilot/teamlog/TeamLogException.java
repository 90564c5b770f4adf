package dev.drpilot.teamlog;

/**
 * The team log cannot be used now: unreachable, refused, or it holds something that does not fit.
 * The message is one sentence for a person, and never holds a password.
 */
public final class TeamLogException extends RuntimeException {

    public TeamLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
