package dev.drpilot.ui;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.rehearsal.Exercise;
import dev.drpilot.rehearsal.ExerciseLoader;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Path;
import java.util.List;

/** The runbooks and tabletop exercises shipped in runbooks/, read once for the view models' tests. */
final class ShippedScenarios {

    static final ActionCatalog CATALOG = ActionCatalog.builtIn();
    static final List<Runbook> RUNBOOKS =
            new RunbookLoader(CATALOG).load(List.of(Path.of("runbooks"))).runbooks();
    static final List<Exercise> EXERCISES = new ExerciseLoader(RUNBOOKS, CATALOG)
            .loadFolder(Path.of("runbooks/exercises"))
            .exercises();

    private ShippedScenarios() {}

    static Runbook runbook(String id) {
        return RUNBOOKS.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    static Exercise exercise(String id) {
        return EXERCISES.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }
}
