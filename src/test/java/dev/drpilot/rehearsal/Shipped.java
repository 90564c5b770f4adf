package dev.drpilot.rehearsal;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.engine.StepWorkerEngines;
import dev.drpilot.incident.DaemonThreads;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Path;
import java.util.List;

/** The runbooks and exercises that ship in runbooks/. */
final class Shipped {

    static final ActionCatalog CATALOG = ActionCatalog.builtIn();
    static final Tabletops TABLETOPS =
            new Tabletops(CATALOG, new StepWorkerEngines(new DaemonThreads("drpilot-steps")));
    static final List<Runbook> RUNBOOKS =
            new RunbookLoader(CATALOG).load(List.of(Path.of("runbooks"))).runbooks();

    private Shipped() {}

    static ExerciseLoader.Result exercises() {
        return new ExerciseLoader(RUNBOOKS, CATALOG).loadFolder(Path.of("runbooks/exercises"));
    }

    static Runbook runbook(String id) {
        return RUNBOOKS.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    static Exercise exercise(String id) {
        return exercises().exercises().stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
