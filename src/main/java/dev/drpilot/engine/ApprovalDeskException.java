package dev.drpilot.engine;

/** The approval desk (the team log) cannot be reached or refused a request: the message says so in one sentence. */
public final class ApprovalDeskException extends RuntimeException {

    public ApprovalDeskException(String message, Throwable cause) {
        super(message, cause);
    }
}
