package dev.drpilot.ui;

import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.runbook.Runbook;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the window works with, built off the FX thread after the first frame: the runbooks, the
 * incident log, the engine, where exports go, and a way to ask AWS who the operator acts as.
 */
public record UiBackend(List<Runbook> runbooks, IncidentLogStore log, IncidentEngine engine, Path exportFolder, Supplier<String> whoAmI)
        implements AutoCloseable {

    /** Closes the log (when the settings change and a new backend takes over). */
    @Override
    public void close() {
        log.close();
    }
}
