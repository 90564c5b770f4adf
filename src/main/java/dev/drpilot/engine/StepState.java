package dev.drpilot.engine;

/** Where a step stands. */
public enum StepState {
    PENDING("Pending"),
    /** It needs a second person's approval before it runs: the request is in the log (and the team log). */
    AWAITING_APPROVAL("Awaiting approval"),
    AWAITING_CONFIRMATION("Awaiting confirmation"),
    AWAITING_OPERATOR("Awaiting operator"),
    RUNNING("Running"),
    WAITING("Waiting"),
    SUCCEEDED("Succeeded"),
    FAILED("Failed"),
    SKIPPED("Skipped"),
    CANCELLED("Cancelled"),
    /** It was running when the process stopped: its resource may be half-changed. */
    INTERRUPTED("Interrupted");

    private final String label;

    StepState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Done with, one way or another: the run can move past it. */
    public boolean isSettled() {
        return this == SUCCEEDED || this == SKIPPED;
    }

    public boolean isActive() {
        return this == RUNNING || this == WAITING || this == AWAITING_OPERATOR;
    }

    /** States from which the operator can start (or retry) the step. */
    public boolean canStart() {
        return this == PENDING || this == FAILED || this == CANCELLED || this == INTERRUPTED;
    }
}
