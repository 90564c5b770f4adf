package dev.drpilot.engine;

import dev.drpilot.action.ActionRegistry;
import dev.drpilot.incident.IncidentLogStore;
import java.time.Clock;

/**
 * Builds the engine an incident or a rehearsal runs on: the caller says which log, which actions
 * and which clock; the factory decides where the steps run. The app makes one; a tabletop receives
 * it rather than building engines itself.
 */
@FunctionalInterface
public interface EngineFactory {

    /**
     * @param sleeper waits between polls and retries (a rehearsal's sleeper follows its compressed clock)
     * @return an engine with a step worker of its own, which {@link IncidentEngine#close()} stops
     */
    IncidentEngine engine(IncidentLogStore log, ActionRegistry actions, Clock clock, Sleeper sleeper);
}
