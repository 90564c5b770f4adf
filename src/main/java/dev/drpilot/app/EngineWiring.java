package dev.drpilot.app;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.ActionRegistry;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.Sleeper;
import dev.drpilot.incident.IncidentLogStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Builds the engine from plain constructors: the one place that knows every implementation. */
public final class EngineWiring {

    private EngineWiring() {
    }

    /** The action implementations of this version (the manual action is always there). */
    public static List<Action> actions() {
        return List.of();
    }

    /** An engine on the log, with one worker thread for the steps (a daemon, so it never keeps the process alive). */
    public static IncidentEngine engine(IncidentLogStore log) {
        ExecutorService steps = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "drpilot-steps");
            thread.setDaemon(true);
            return thread;
        });
        return new IncidentEngine(log, new ActionRegistry(ActionCatalog.builtIn(), actions()), steps, Clock.systemUTC(),
                Sleeper.real(), new SecureRandom());
    }
}
