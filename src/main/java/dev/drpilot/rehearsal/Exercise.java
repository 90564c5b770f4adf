package dev.drpilot.rehearsal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tabletop exercise: the facilitator's script for rehearsing one runbook (a master scenario
 * events list): the situation the players start from, timed injects, and what each step does.
 *
 * <p>Exercise time starts with the failure (T+0): the injects' times, the instants relative to the
 * start, and the incident's own clocks (elapsed, RTO, phase windows) all count from it.
 *
 * @param failureStartedBefore how long the failure had gone on when the players are told the situation (the declaration),
 *                             or null when they are told at once
 * @param params               the runbook's parameter values; an instant may read {@code start-PT5M} (5 minutes before the failure)
 * @param outcomes             by step id; a step not named succeeds after {@link Outcome#DEFAULT_DURATION}
 */
public record Exercise(
        Path source,
        String id,
        String runbookId,
        String title,
        String situation,
        Duration failureStartedBefore,
        Map<String, String> params,
        List<Inject> injects,
        Map<String, Outcome> outcomes) {

    public Exercise {
        params = Map.copyOf(params);
        injects = List.copyOf(injects);
        outcomes = Map.copyOf(outcomes);
    }

    /** News for the players at an exercise time (after the failure's start, not before the situation is told). */
    public record Inject(Duration at, String text) {}

    /**
     * What a step does in the rehearsal.
     *
     * @param failure  the error of the first {@code failures} attempts, or null when it succeeds at once
     */
    public record Outcome(Duration after, Map<String, Object> outputs, String failure, int failures) {

        public static final Duration DEFAULT_DURATION = Duration.ofSeconds(30);
        public static final Outcome SUCCEEDS = new Outcome(DEFAULT_DURATION, Map.of(), null, 0);

        public Outcome {
            outputs = Map.copyOf(outputs);
        }
    }

    public Outcome outcome(String stepId) {
        return outcomes.getOrDefault(stepId, Outcome.SUCCEEDS);
    }

    /** The parameter values with the relative instants ({@code start-PT5M}) placed against T+0, the failure's start. */
    public Map<String, String> paramValues(Instant start) {
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((name, value) -> values.put(name, RelativeInstant.resolve(value, start)));
        return values;
    }

    /** T+0, for a rehearsal declared at {@code declared}: the failure's start. */
    public Instant failureStartedAt(Instant declared) {
        return failureStartedBefore == null ? declared : declared.minus(failureStartedBefore);
    }
}
