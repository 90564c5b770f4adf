package dev.drpilot.incident;

/**
 * An append whose first event of an incident does not follow the store's newest one: another
 * writer (another process on the same file) appended first. Nothing of the append was stored.
 */
public final class ChainConflictException extends RuntimeException {

    public ChainConflictException(String incidentId, long sequence, Throwable cause) {
        super(
                "Event " + sequence + " of " + incidentId
                        + " does not follow the newest one the store holds: another writer appended first.",
                cause);
    }
}
