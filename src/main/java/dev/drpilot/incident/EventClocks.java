package dev.drpilot.incident;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clock that stamps each incident's events: the log's own, or a tabletop rehearsal's
 * compressible clock for the incidents that run on one.
 */
final class EventClocks {

    private final Clock log;
    private final Map<String, Clock> own = new ConcurrentHashMap<>();

    EventClocks(Clock log) {
        this.log = log;
    }

    Clock of(String incidentId) {
        return own.getOrDefault(incidentId, log);
    }

    void keep(String incidentId, Clock clock) {
        own.put(incidentId, clock);
    }

    /** Whether {@code clock} is the log's own (not a rehearsal's). */
    boolean isTheLogs(Clock clock) {
        return clock == log;
    }

    Clock log() {
        return log;
    }
}
