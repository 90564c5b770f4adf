package dev.drpilot.engine;

/** An incident was to be resumed on a runbook file that changed since its log recorded it, and the change was not accepted. */
public final class RunbookChangedException extends IllegalStateException {

    private final transient RunbookChange change;

    public RunbookChangedException(RunbookChange change) {
        super(change.sentence().replaceAll("\\.$", "")
                + "; nothing was resumed: look at the difference and accept it to resume"
                + " with the changed runbook, or put the recorded version back");
        this.change = change;
    }

    public RunbookChange change() {
        return change;
    }
}
