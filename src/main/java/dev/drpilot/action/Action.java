package dev.drpilot.action;

import java.util.Map;

/**
 * Something a runbook step does, behind an id from the catalogue. The engine knows actions only
 * through this interface: adding an operation is adding one class and its contract.
 */
public interface Action {

    /** The catalogue id this class implements, such as {@code aws.rds.restoreToPointInTime}. */
    String id();

    /**
     * Does the work. Called off the UI thread, with arguments already resolved and checked
     * against the contract.
     *
     * @return the outputs the contract declares
     * @throws ActionException with words an operator can act on
     */
    ActionResult execute(Map<String, Object> args, ActionContext context) throws ActionException, InterruptedException;
}
