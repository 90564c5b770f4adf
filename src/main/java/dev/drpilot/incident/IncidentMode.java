package dev.drpilot.incident;

/** A real incident, or a rehearsal that must never touch production. */
public enum IncidentMode {
    LIVE,
    REHEARSAL
}
