package dev.drpilot.engine;

import dev.drpilot.incident.Driver;
import dev.drpilot.incident.IncidentEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Everyone who listens to one incident's run, told of each change after the log has it. */
final class IncidentListeners {

    private final List<IncidentListener> listeners = new CopyOnWriteArrayList<>();

    void add(IncidentListener listener) {
        listeners.add(listener);
    }

    void remove(IncidentListener listener) {
        listeners.remove(listener);
    }

    void logged(IncidentEvent event) {
        for (IncidentListener listener : listeners) listener.logged(event);
    }

    void driverChanged(Optional<Driver> elsewhere) {
        for (IncidentListener listener : listeners) listener.driverChanged(elsewhere);
    }

    void stepChanged(StepRun run) {
        for (IncidentListener listener : listeners) listener.stepChanged(run);
    }

    void stepFinished(StepRun run) {
        for (IncidentListener listener : listeners) listener.stepFinished(run);
    }
}
