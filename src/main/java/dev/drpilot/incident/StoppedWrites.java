package dev.drpilot.incident;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The first write that broke the log's file (H2 closes the database after it), the events that
 * write was about, and who to tell: every later write is refused with that failure's words until
 * the log goes on in another folder.
 */
final class StoppedWrites {

    /**
     * A write that could not be made: its events' drafts (null for a declaration or a merge), and the newest of
     * them as committed when only the sync failed ({@code maybeWritten}), else null.
     */
    record Unwritten(String what, String incidentId, List<EventDraft> drafts, IncidentEvent maybeWritten) {}

    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private volatile IncidentLogUnavailableException failure;
    private volatile Unwritten unwritten;

    /** Returns {@code failure}; when it broke the file and is the first, the log stops on it and the listeners hear it. */
    IncidentLogUnavailableException stop(IncidentLogUnavailableException failure, Unwritten what) {
        if (this.failure == null && LogWriteFailure.brokeTheFile(failure)) {
            this.failure = failure;
            unwritten = what;
            listeners.forEach(listener -> listener.accept(failure.getMessage()));
        }
        return failure;
    }

    void refuse(String what) {
        if (failure != null) throw LogWriteFailure.stillStopped(what, failure);
    }

    boolean stopped() {
        return failure != null;
    }

    void whenStopped(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** The log goes on elsewhere: writes are taken again; returns the write that stopped it, if any. */
    Unwritten resume() {
        Unwritten pending = unwritten;
        unwritten = null;
        failure = null;
        return pending;
    }
}
