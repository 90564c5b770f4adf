package dev.drpilot.engine;

import java.time.Instant;

/**
 * Who may run a step of an incident that several laptops work on: the engine asks before it runs
 * a step, holds the lease it is given while the step runs, and releases it when the step ends. A
 * step another responder holds is not run here. Without a team log, {@link #NONE} grants every
 * step at once and costs nothing.
 */
@FunctionalInterface
public interface StepLeases {

    /** One laptop on its own: every step is this laptop's to run. */
    StepLeases NONE = (incidentId, stepId) -> new Granted(succeeded -> {});

    /** Asks for the lease of a step, on the step worker's thread; may wait for the team log (a few seconds at most). */
    Answer acquire(String incidentId, String stepId);

    /** What asking for a step's lease gave. */
    sealed interface Answer permits Granted, HeldElsewhere, Unknown {}

    /** The step is this laptop's to run; the lease is kept alive until it is released. */
    record Granted(Lease lease) implements Answer {}

    /**
     * Another responder's laptop runs the step (until {@code until}, unless it renews), or ran it to
     * success ({@code succeededAt}, and {@code until} null).
     *
     * @param laptop the id of the holder's laptop
     */
    record HeldElsewhere(String responder, String laptop, Instant until, Instant succeededAt) implements Answer {}

    /** Who runs the step could not be learnt (the team log is unreachable or refused), in one sentence. */
    record Unknown(String problem) implements Answer {}

    /** A lease held while a step runs. */
    @FunctionalInterface
    interface Lease {
        /** The step ended: after a success no other laptop runs it; otherwise the next one may take it at once. */
        void release(boolean succeeded);
    }
}
