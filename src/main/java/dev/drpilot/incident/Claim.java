package dev.drpilot.incident;

/**
 * What came of claiming an incident.
 *
 * @param held       whether this seat drives the incident now
 * @param previous   the other driver it was taken from, or the live one that kept it when not held; null when there was none
 * @param live       whether that previous driver was still there (a take-over of a live claim, or a refusal)
 * @param takenOver  the {@link EventKind#INCIDENT_TAKEN_OVER} event written when it changed hands, else null
 */
public record Claim(boolean held, Driver previous, boolean live, IncidentEvent takenOver) {}
