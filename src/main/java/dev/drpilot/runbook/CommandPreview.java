package dev.drpilot.runbook;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.ActionContract;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * The equivalent aws/kubectl/... command of each step (or a manual step's instructions), with the
 * parameter values known so far and {@code <placeholders>} for the rest, so the operator can read
 * (and copy) what will run.
 */
public final class CommandPreview {

    private final ActionCatalog catalog;

    public CommandPreview(ActionCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param paramValues values given for parameters; parameters not given take their default
     * @return the command, or empty for a manual step
     */
    public Optional<String> commandOf(Runbook runbook, Step step, Map<String, String> paramValues) {
        if (step.isManual()) return Optional.empty();
        ActionContract contract = catalog.find(step.action()).orElseThrow();
        Interpolation preview = Interpolation.preview(ref -> known(runbook, ref, paramValues));
        return Optional.of(contract.renderCommand(preview.resolveAll(step.with())));
    }

    /** A manual step's instructions, with the values known so far. */
    public String instructionsOf(Runbook runbook, Step step, Map<String, String> paramValues) {
        return step.instructions(Interpolation.preview(ref -> known(runbook, ref, paramValues)));
    }

    /** What the operator will type to confirm a destructive step, with the values known so far. */
    public String confirmationOf(Runbook runbook, Step step, Map<String, String> paramValues) {
        return String.valueOf(
                Interpolation.preview(ref -> known(runbook, ref, paramValues)).resolve(step.confirm()));
    }

    private static Optional<Object> known(Runbook runbook, Reference ref, Map<String, String> paramValues) {
        if (ref.isStepOutput()) return Optional.empty();
        if (ref.name().equals("today")) {
            return Optional.of(LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE));
        }
        Optional<Param> param = runbook.param(ref.name());
        if (param.isPresent() && param.get().sensitive()) return Optional.of("****");
        if (paramValues.containsKey(ref.name())) return Optional.of(paramValues.get(ref.name()));
        return param.map(Param::defaultValue);
    }
}
