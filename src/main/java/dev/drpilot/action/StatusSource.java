package dev.drpilot.action;

import java.util.List;

/**
 * Reads the current state of resources a scenario touches, for the live status panel. A read is
 * an observation, not a step: it is not written to the incident log.
 */
public interface StatusSource {

    /** What it reads, for the panel ("pods and nodes of namespace druid"). */
    String describe();

    /** @throws ActionException in the operator's words; the panel keeps the last rows and marks them stale */
    List<ResourceStatus> read() throws ActionException;
}
