package dev.drpilot.incident;

/** The incident log cannot be opened; the message says which file and what to do. */
public final class IncidentLogUnavailableException extends RuntimeException {
    public IncidentLogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
