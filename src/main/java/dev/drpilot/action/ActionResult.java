package dev.drpilot.action;

import java.util.Map;

/**
 * What an action returned.
 *
 * @param outputs the values later steps reference as {@code ${steps.STEP.NAME}}
 * @param summary one line for the log and the step's row ("db-1 is available")
 */
public record ActionResult(Map<String, Object> outputs, String summary) {

    public ActionResult {
        outputs = Map.copyOf(outputs);
    }

    public static ActionResult of(String summary, Map<String, Object> outputs) {
        return new ActionResult(outputs, summary);
    }
}
