package dev.drpilot.incident;

/**
 * A store could not take an append. {@link #mayBeStored()} says whether the events may be there
 * all the same: committed, but not made durable (the sync after the commit failed).
 */
public final class EventStoreException extends RuntimeException {

    private final boolean mayBeStored;

    public EventStoreException(boolean mayBeStored, Exception cause) {
        super(cause.getMessage(), cause);
        this.mayBeStored = mayBeStored;
    }

    public boolean mayBeStored() {
        return mayBeStored;
    }
}
