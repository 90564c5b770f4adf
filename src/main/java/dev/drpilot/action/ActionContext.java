package dev.drpilot.action;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** What an action gets from the engine while it runs. */
public interface ActionContext {

    Clock clock();

    /** The id of the runbook step this action runs for. */
    String stepId();

    /**
     * The incident's own folder beside the log, for the files its steps write (readable by the
     * user alone, see {@link PrivateFiles}); made on first use.
     */
    Path incidentFolder() throws ActionException;

    /** True once the operator cancelled the step; long actions check it between calls. */
    boolean cancelled();

    /** Progress for the step's row: a message, and a fraction from 0 to 1 when known. */
    void progress(String message, Double fraction);

    /** Records an API call (service, operation, request id) in the incident log. */
    void apiCall(String service, String operation, String requestId);

    /** Records who the operator's credentials act as (an AWS ARN); the log names it with the OS user from now on. */
    void callerIdentity(String account, String arn);

    /** Records a change of a resource's status ("druid-metadata-restored: creating -> available"). */
    void statusChange(String resource, String status);

    /**
     * Polls {@code check} with backoff until it returns a value, the timeout passes or the step is
     * cancelled. The step shows as waiting meanwhile.
     *
     * @param what what is being waited for, for the operator ("druid-metadata-restored to be available")
     */
    <T> T waitUntil(String what, Supplier<Optional<T>> check, Duration timeout)
            throws ActionException, InterruptedException;

    /** Waits before trying again (unprocessed items, a resource settling); the engine's clock, and cancellable. */
    void pause(Duration duration) throws InterruptedException;

    /**
     * Waits until the operator ticks a manual step off.
     *
     * @return what they recorded: a note and the step's recorded values
     */
    OperatorInput awaitOperator() throws InterruptedException;

    /** A manual step's completion by the operator. */
    record OperatorInput(String note, Map<String, String> values) {
        public OperatorInput {
            values = Map.copyOf(values);
        }
    }
}
