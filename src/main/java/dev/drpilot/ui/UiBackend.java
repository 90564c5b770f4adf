package dev.drpilot.ui;

import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.runbook.Runbook;
import java.nio.file.Path;
import java.util.List;

/**
 * What the window works with, built off the FX thread after the first frame: the runbooks, the
 * incident log, the engine, and where exports go.
 */
public record UiBackend(List<Runbook> runbooks, IncidentLogStore log, IncidentEngine engine, Path exportFolder) {
}
