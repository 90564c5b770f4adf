package dev.drpilot.incident;

import java.time.Instant;

/**
 * What the operator says when declaring an incident.
 *
 * @param failureStartedAt when the failure began, if known and earlier than the declaration
 */
public record NewIncident(
        String runbookId,
        String title,
        IncidentMode mode,
        String severity,
        String commander,
        Instant failureStartedAt) {}
