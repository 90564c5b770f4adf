package dev.drpilot.engine;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.runbook.Interpolation;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookKind;
import dev.drpilot.runbook.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A drill restores into, and deletes, only non-production names: the guide's {@code -test}
 * suffix. Checked before a drill is declared, so a drill aimed at production never starts.
 */
final class DrillTargets {

    static final String SUFFIX = "-test";
    private static final Set<String> TARGET_ARGS = Set.of("target", "instance", "table");

    private DrillTargets() {}

    static void check(Runbook runbook, ActionCatalog catalog, Map<String, String> params)
            throws InvalidParametersException {
        if (runbook.kind() != RunbookKind.DRILL) return;
        List<String> problems = new ArrayList<>();
        for (Step step : runbook.steps()) {
            if (step.isManual() || !writes(step, catalog)) continue;
            step.with().forEach((arg, raw) -> {
                if (!TARGET_ARGS.contains(arg) || !(raw instanceof String text)) return;
                String value = Interpolation.withParameters(text, params).orElse(text);
                if (!value.endsWith(SUFFIX)) {
                    problems.add("step '" + step.id() + "' would " + verb(step) + " '" + value
                            + "', a production name: a drill only touches" + " names ending in " + SUFFIX
                            + " (the guide's rule); give a " + SUFFIX + " name");
                }
            });
        }
        if (!problems.isEmpty()) throw new InvalidParametersException(problems);
    }

    private static boolean writes(Step step, ActionCatalog catalog) {
        return step.action().contains(".restore")
                || catalog.find(step.action()).map(c -> c.destructive()).orElse(false);
    }

    private static String verb(Step step) {
        return step.action().contains(".restore") ? "restore into" : "delete";
    }
}
