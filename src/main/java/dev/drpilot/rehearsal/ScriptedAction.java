package dev.drpilot.rehearsal;

import dev.drpilot.action.Action;
import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionContract;
import dev.drpilot.action.ActionException;
import dev.drpilot.action.ActionResult;
import dev.drpilot.action.OutputSpec;
import dev.drpilot.action.ScriptOnly;
import dev.drpilot.runbook.Durations;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An action of the catalogue played by the script: it takes the scripted time on the rehearsal
 * clock, then returns the scripted outputs or fails with the scripted error. It holds no client
 * and opens no connection: a tabletop can never reach a real endpoint.
 */
final class ScriptedAction implements ScriptOnly {

    private final ActionContract contract;
    private final Script script;

    ScriptedAction(ActionContract contract, Script script) {
        this.contract = contract;
        this.script = script;
    }

    /** One scripted action for every id of the catalogue. */
    static List<Action> forEvery(ActionCatalog catalog, Script script) {
        return catalog.all().stream()
                .<Action>map(c -> new ScriptedAction(c, script))
                .toList();
    }

    @Override
    public String id() {
        return contract.id();
    }

    @Override
    public ActionResult execute(Map<String, Object> args, ActionContext context)
            throws ActionException, InterruptedException {
        Exercise.Outcome outcome = script.outcome(context.stepId());
        Instant done = context.clock().instant().plus(outcome.after());
        context.waitUntil(
                "the rehearsal's " + Durations.human(outcome.after()) + " for this step",
                () -> context.clock().instant().isBefore(done) ? Optional.empty() : Optional.of(Boolean.TRUE),
                outcome.after().plusMinutes(1));
        Optional<ActionException> failure = script.attempt(context.stepId());
        if (failure.isPresent()) throw failure.get();
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (OutputSpec output : contract.outputs()) outputs.put(output.name(), "rehearsal-" + output.name());
        outputs.putAll(outcome.outputs());
        return contract.changesState()
                ? ActionResult.checked(
                        "(rehearsal) " + contract.summary(),
                        outputs,
                        "(rehearsal, scripted) " + contract.postcondition())
                : ActionResult.of("(rehearsal) " + contract.summary(), outputs);
    }
}
