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
 * @param failureStartedBefore how long before the start the failure began (RPO is measured from it), or null
 * @param params               the runbook's parameter values; an instant may read {@code start-PT15M}
 * @param outcomes             by step id; a step not named succeeds after {@link Outcome#DEFAULT_DURATION}
 */
public record Exercise(Path source, String id, String runbookId, String title, String situation, Duration failureStartedBefore,
                       Map<String, String> params, List<Inject> injects, Map<String, Outcome> outcomes) {

    public Exercise {
        params = Map.copyOf(params);
        injects = List.copyOf(injects);
        outcomes = Map.copyOf(outcomes);
    }

    /** News for the players at a time after the start. */
    public record Inject(Duration at, String text) {
    }

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

    /** The parameter values with the relative instants ({@code start-PT15M}) placed against the start. */
    public Map<String, String> paramValues(Instant start) {
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((name, value) -> values.put(name, RelativeInstant.resolve(value, start)));
        return values;
    }

    public Instant failureStartedAt(Instant start) {
        return failureStartedBefore == null ? null : start.minus(failureStartedBefore);
    }
}
