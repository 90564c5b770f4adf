package dev.drpilot.runbook;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A procedure of the DR guide as data the app can check, show and execute.
 *
 * @param version the file it was read from, as the incident log records it
 */
public record Runbook(
        Path source,
        String id,
        String title,
        Architecture architecture,
        RunbookKind kind,
        String summary,
        String guideSection,
        List<String> symptoms,
        Targets targets,
        List<Param> params,
        List<Step> steps,
        RunbookVersion version) {

    public Runbook {
        symptoms = List.copyOf(symptoms);
        params = List.copyOf(params);
        steps = List.copyOf(steps);
    }

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    /** The step whose success means the service is back ({@code recovers: true}), if the runbook marks one. */
    public Optional<Step> recoveryStep() {
        return steps.stream().filter(Step::recovers).findFirst();
    }

    public Optional<Param> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
