package dev.drpilot.action;

import java.util.Map;

/**
 * What an action returned.
 *
 * @param outputs the values later steps reference as {@code ${steps.STEP.NAME}}
 * @param summary one line for the log and the step's row ("db-1 is available")
 * @param checked what a state-changing action read back from the live state to prove its effect
 *                ("46 keys readable, 0 still deleted"), or null for an action that changes nothing
 */
public record ActionResult(Map<String, Object> outputs, String summary, String checked) {

    public ActionResult {
        outputs = Map.copyOf(outputs);
    }

    public static ActionResult of(String summary, Map<String, Object> outputs) {
        return new ActionResult(outputs, summary, null);
    }

    /** The result of a state-changing action, with the post-condition it read back from the live state. */
    public static ActionResult checked(String summary, Map<String, Object> outputs, String checked) {
        return new ActionResult(outputs, summary, checked);
    }
}
