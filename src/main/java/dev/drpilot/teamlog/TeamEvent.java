package dev.drpilot.teamlog;

import dev.drpilot.incident.IncidentEvent;

/**
 * One event of the team log: as its laptop wrote it, with who wrote it and its place in the
 * order every laptop reads.
 *
 * @param mergedOrder the server's number for it: increasing in the order events were stored, with gaps
 * @param event       the event as its laptop's log holds it; its sequence is that laptop's
 */
public record TeamEvent(long mergedOrder, Writer writer, IncidentEvent event) {}
