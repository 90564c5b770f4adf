package dev.drpilot.engine;

import dev.drpilot.action.ActionRegistry;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The process the crash test kills: it runs a runbook against the log given as its argument and
 * prints every event it has committed ("COMMITTED n"), then "WAITING" once the long step waits.
 */
public final class CrashChild {

    public static void main(String[] args) throws Exception {
        IncidentLogStore log = IncidentLogStore.open(Path.of(args[0]), Clock.systemUTC(), "child");
        Runbook runbook = new RunbookLoader(EngineTestActions.CATALOG)
                .loadText(Path.of("crash.yaml"), args[1])
                .runbooks()
                .get(0);
        ActionRegistry registry = new ActionRegistry(
                EngineTestActions.CATALOG,
                List.of(new EngineTestActions.Succeed(), new EngineTestActions.WaitForReady()));
        IncidentEngine engine = new IncidentEngine(
                log,
                registry,
                Executors.newSingleThreadExecutor(),
                Clock.systemUTC(),
                duration -> Thread.sleep(20),
                new Random());
        IncidentRun run = engine.declare(
                runbook, Map.of(), new NewIncident(runbook.id(), "crash", IncidentMode.LIVE, null, null, null));
        run.addListener(new IncidentListener() {
            @Override
            public void stepChanged(StepRun step) {
                if (step.state() == StepState.WAITING) System.out.println("WAITING " + step.id());
            }

            @Override
            public void logged(dev.drpilot.incident.IncidentEvent event) {
                System.out.println("COMMITTED " + event.incidentId() + " " + event.sequence());
            }
        });
        for (int i = 0; i < 50; i++) run.entries().note("note " + i, null);
        run.start("greet").get(30, TimeUnit.SECONDS);
        run.start("wait").get();
    }

    private CrashChild() {}
}
