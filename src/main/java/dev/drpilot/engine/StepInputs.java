package dev.drpilot.engine;

import dev.drpilot.action.ActionContract;
import dev.drpilot.action.ActionRegistry;
import dev.drpilot.action.ArgSpec;
import dev.drpilot.action.ArgType;
import dev.drpilot.runbook.Interpolation;
import dev.drpilot.runbook.Param;
import dev.drpilot.runbook.Reference;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.Step;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a step is given: its arguments with the parameters and earlier steps' outputs resolved,
 * files placed in the incident's folder, its command and confirmation text as the operator reads
 * them, and the values the log must never show.
 */
final class StepInputs {

    private final Runbook runbook;
    private final String incidentId;
    private final ActionRegistry actions;
    private final IncidentJournal journal;
    private final Clock clock;
    private final ParameterValues params;
    /** The outputs of the steps that succeeded, secrets included: for later steps' arguments only, never shown. */
    private final Map<String, Map<String, Object>> outputs = new HashMap<>();

    StepInputs(
            Runbook runbook,
            String incidentId,
            ActionRegistry actions,
            IncidentJournal journal,
            Clock clock,
            ParameterValues params) {
        this.runbook = runbook;
        this.incidentId = incidentId;
        this.actions = actions;
        this.journal = journal;
        this.clock = clock;
        this.params = params;
    }

    synchronized void outputs(String stepId, Map<String, Object> stepOutputs) {
        outputs.put(stepId, stepOutputs);
    }

    /** The parameter values as given, secrets left out. */
    Map<String, String> parameterValues() {
        Map<String, String> shown = new LinkedHashMap<>(params.texts());
        for (Param param : runbook.params()) if (param.sensitive()) shown.remove(param.name());
        return shown;
    }

    /** The step's arguments with every reference resolved; throws when an earlier output is missing. */
    Map<String, Object> arguments(Step step) {
        return inIncidentFolder(step, strict().resolveAll(step.with()));
    }

    /** Values of arguments the contract marks sensitive never reach the log, whatever field they end up in. */
    void protectSensitive(Step step, Map<String, Object> args) {
        if (step.isManual()) return;
        contract(step)
                .ifPresent(contract -> contract.args().stream()
                        .filter(ArgSpec::sensitive)
                        .map(a -> args.get(a.name()))
                        .filter(Objects::nonNull)
                        .forEach(value -> journal.secret(String.valueOf(value))));
    }

    /** What the action must read back before the step may succeed, or null when it changes nothing. */
    String postconditionOf(Step step) {
        if (step.isManual()) return null;
        return contract(step).map(ActionContract::postcondition).orElse(null);
    }

    String commandOf(Step step) {
        if (step.isManual()) return null;
        return contract(step)
                .map(contract ->
                        contract.renderCommand(inIncidentFolder(step, preview().resolveAll(step.with()))))
                .orElse(null);
    }

    /** What the operator types to confirm a destructive step, with the values known now. */
    String confirmationText(Step step) {
        return String.valueOf(preview().resolve(step.confirm()));
    }

    /** A manual step's instructions with the values known now, secrets as ****; a step added during the incident reads as written. */
    String instructions(Step step) {
        if (!runbook.steps().contains(step)) return step.manual().strip();
        return step.instructions(Interpolation.preview(ref -> isSecret(ref) ? Optional.of("****") : valueOf(ref)));
    }

    private Optional<ActionContract> contract(Step step) {
        return actions.catalog().find(step.action());
    }

    /** File arguments given as a bare name are files of this incident's own, in its folder beside the log. */
    private Map<String, Object> inIncidentFolder(Step step, Map<String, Object> args) {
        ActionContract contract = contract(step).orElse(null);
        if (contract == null) return args;
        Map<String, Object> placed = new LinkedHashMap<>(args);
        for (ArgSpec spec : contract.args()) {
            if (spec.type() == ArgType.FILE
                    && placed.get(spec.name()) instanceof String name
                    && !name.isBlank()
                    && !name.startsWith("<")
                    && !Path.of(name).isAbsolute()) {
                placed.put(spec.name(), journal.folder().resolve(name).toString());
            }
        }
        return placed;
    }

    private boolean isSecret(Reference ref) {
        return !ref.isStepOutput()
                && runbook.param(ref.name()).map(Param::sensitive).orElse(false);
    }

    private Interpolation strict() {
        return new Interpolation(this::valueOf, ref -> {
            if (!ref.isStepOutput()
                    && runbook.param(ref.name()).map(p -> !p.required()).orElse(false)) return null;
            throw new IllegalStateException(
                    ref.isStepOutput()
                            ? "needs " + ref.text() + ", which step '" + ref.stepId()
                                    + "' has not produced yet: run that step first"
                            : "needs " + ref.text() + ", which has no value: give parameter '" + ref.name() + "'");
        });
    }

    private Interpolation preview() {
        return Interpolation.preview(this::valueOf);
    }

    private synchronized Optional<Object> valueOf(Reference ref) {
        if (ref.isStepOutput()) {
            return Optional.ofNullable(
                    outputs.getOrDefault(ref.stepId(), Map.of()).get(ref.name()));
        }
        return switch (ref.name()) {
            case "today" ->
                Optional.of(LocalDate.now(clock.withZone(ZoneOffset.UTC)).format(DateTimeFormatter.BASIC_ISO_DATE));
            case "now" -> Optional.of(clock.instant().toString());
            case "incident.id" -> Optional.of(incidentId);
            default -> Optional.ofNullable(params.typed().get(ref.name()));
        };
    }
}
