package dev.drpilot.readiness;

import dev.drpilot.action.ActionContext;
import dev.drpilot.action.ActionException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a read-only action gets when a readiness check runs it: a clock, and a note of who the
 * credentials act as. There is no incident, so nothing is logged, nothing waits and no operator is asked.
 */
final class ReadContext implements ActionContext {

    private final Clock clock;
    private volatile String identity;

    ReadContext(Clock clock) {
        this.clock = clock;
    }

    /** "ARN in account N" once an AWS call was made, else empty. */
    Optional<String> identity() {
        return Optional.ofNullable(identity);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public String stepId() {
        return "readiness";
    }

    @Override
    public Path incidentFolder() throws ActionException {
        throw ActionException.permanent("A readiness check writes no files: it has no incident folder.");
    }

    @Override
    public boolean cancelled() {
        return false;
    }

    @Override
    public void progress(String message, Double fraction) {
        // a check is one or two reads: there is no progress to show
    }

    @Override
    public void apiCall(String service, String operation, String requestId) {
        // readiness results are not incident events (yet): the calls are not logged
    }

    @Override
    public void callerIdentity(String account, String arn) {
        identity = arn + " in account " + account;
    }

    @Override
    public void statusChange(String resource, String status) {
        // read-only actions change no status
    }

    @Override
    public <T> T waitUntil(String what, Supplier<Optional<T>> check, Duration timeout) throws ActionException {
        throw ActionException.permanent(
                "A readiness check reads the state as it is; it does not wait for " + what + ".");
    }

    @Override
    public void pause(Duration duration) {
        // reads are not retried here: a failed read is an unknown row
    }

    @Override
    public OperatorInput awaitOperator() {
        throw new UnsupportedOperationException("A readiness check asks the operator nothing.");
    }
}
