package dev.drpilot.action;

/**
 * An action failed. The message is for the operator: what went wrong and what to do
 * ("Access denied: rds:RestoreDBInstanceToPointInTime is not allowed for role X").
 */
public class ActionException extends Exception {

    private final boolean transientFailure;

    public ActionException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    /** A failure that will not go away by retrying (access denied, not found, bad request). */
    public static ActionException permanent(String message) {
        return new ActionException(message, false, null);
    }

    /** Throttling or a passing network or service error: the engine retries it with backoff. */
    public static ActionException transientFailure(String message) {
        return new ActionException(message, true, null);
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
