package dev.drpilot.incident;

import java.util.List;

/**
 * Events another process wrote to an incident's log, in order.
 *
 * @param upTo the last sequence read (theirs or this store's own): the next read starts after it
 */
public record ForeignEvents(List<IncidentEvent> events, long upTo) {}
