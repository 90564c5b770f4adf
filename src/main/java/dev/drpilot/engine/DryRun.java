package dev.drpilot.engine;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.ActionContract;
import dev.drpilot.action.ArgSpec;
import dev.drpilot.runbook.Interpolation;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every step of a runbook would do, without calling anything or writing to the log: the
 * request each action would get and its equivalent command, or a manual step's instructions.
 * Outputs of earlier steps are not known yet and show as {@code <step.output>}; secrets show as
 * {@code ****}.
 */
public final class DryRun {

    /** One step as it would run; a manual step has its instructions instead of a request and command. */
    public record Line(
            Step step, Map<String, Object> request, String command, String instructions, String confirmation) {}

    private DryRun() {}

    public static List<Line> of(Runbook runbook, ParameterValues params, ActionCatalog catalog) {
        Interpolation preview = Interpolation.preview(ref -> {
            if (ref.isStepOutput()) return Optional.empty();
            if (runbook.param(ref.name()).map(p -> p.sensitive()).orElse(false)) return Optional.of("****");
            return Optional.ofNullable(params.typed().get(ref.name()));
        });
        return runbook.steps().stream()
                .map(step -> line(step, preview, catalog))
                .toList();
    }

    private static Line line(Step step, Interpolation preview, ActionCatalog catalog) {
        String confirmation = step.destructive() ? String.valueOf(preview.resolve(step.confirm())) : null;
        if (step.isManual()) return new Line(step, Map.of(), null, step.instructions(preview), confirmation);
        ActionContract contract = catalog.find(step.action()).orElseThrow();
        Map<String, Object> request = new LinkedHashMap<>(preview.resolveAll(step.with()));
        for (ArgSpec arg : contract.args())
            if (arg.sensitive() && request.containsKey(arg.name())) request.put(arg.name(), "****");
        return new Line(step, request, contract.renderCommand(request), null, confirmation);
    }
}
