package dev.drpilot.action;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A step the operator carries out by hand: it waits until they tick it off, and returns what
 * they recorded (the step's values, and their note).
 */
public final class ManualAction implements Action {

    public static final String ID = "manual";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ActionResult execute(Map<String, Object> args, ActionContext context) throws InterruptedException {
        context.progress("Waiting for the operator to tick this step off", null);
        ActionContext.OperatorInput input = context.awaitOperator();
        Map<String, Object> outputs = new LinkedHashMap<>(input.values());
        String note = input.note() == null || input.note().isBlank()
                ? ""
                : input.note().strip();
        if (!note.isEmpty()) outputs.put("note", note);
        return ActionResult.of(note.isEmpty() ? "Done" : "Done: " + note, outputs);
    }
}
