package dev.drpilot.action;

import java.util.List;

/**
 * Reads the current state of resources a scenario touches, for the live status panel. A read is
 * an observation, not a step: it is not written to the incident log. Reads come from one thread
 * at a time; a source that keeps a watch open lets it go on {@link #close()}.
 */
public interface StatusSource extends AutoCloseable {

    /** What it reads, for the panel ("pods and nodes of namespace druid"). */
    String describe();

    /** @throws ActionException in the operator's words; the panel keeps the last rows and marks them stale */
    List<ResourceStatus> read() throws ActionException;

    /** Stops what the source keeps open between reads; nothing, for a source that only asks when read. */
    @Override
    default void close() {}
}
