package dev.drpilot.engine;

import dev.drpilot.action.ActionRegistry;
import dev.drpilot.incident.IncidentLogStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/** Engines whose steps run one at a time on a worker thread of their own, made by the app's thread factory. */
public final class StepWorkerEngines implements EngineFactory {

    private final ThreadFactory threads;

    public StepWorkerEngines(ThreadFactory threads) {
        this.threads = threads;
    }

    @Override
    public IncidentEngine engine(IncidentLogStore log, ActionRegistry actions, Clock clock, Sleeper sleeper) {
        return new IncidentEngine(
                log, actions, Executors.newSingleThreadExecutor(threads), clock, sleeper, new SecureRandom());
    }
}
