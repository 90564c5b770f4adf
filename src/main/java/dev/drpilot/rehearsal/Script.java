package dev.drpilot.rehearsal;

import dev.drpilot.action.ActionException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the steps of one tabletop do: the exercise's outcomes, the attempts made so far, and the
 * failures the facilitator adds during the rehearsal.
 */
final class Script {

    private final Exercise exercise;
    private final Map<String, Integer> attempts = new HashMap<>();
    private final Map<String, String> facilitatorFailures = new HashMap<>();

    Script(Exercise exercise) {
        this.exercise = exercise;
    }

    Exercise.Outcome outcome(String stepId) {
        return exercise.outcome(stepId);
    }

    /**
     * Counts an attempt of the step and says how it fails, if it does: a scripted failure is
     * transient (the engine retries it, as it would a real one), the facilitator's is final (the
     * players decide what to do).
     */
    synchronized Optional<ActionException> attempt(String stepId) {
        int attempt = attempts.merge(stepId, 1, Integer::sum);
        String forced = facilitatorFailures.remove(stepId);
        if (forced != null) return Optional.of(ActionException.permanent("(rehearsal) " + forced));
        Exercise.Outcome outcome = outcome(stepId);
        return outcome.failure() != null && attempt <= outcome.failures()
                ? Optional.of(ActionException.transientFailure("(rehearsal) " + outcome.failure()))
                : Optional.empty();
    }

    /** The step's next attempt fails with this message (the facilitator's "fail a step"). */
    synchronized void failNext(String stepId, String message) {
        facilitatorFailures.put(stepId, message);
    }
}
