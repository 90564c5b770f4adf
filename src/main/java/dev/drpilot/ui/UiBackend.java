package dev.drpilot.ui;

import dev.drpilot.action.StatusSource;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.readiness.ReadinessReport;
import dev.drpilot.rehearsal.Exercise;
import dev.drpilot.rehearsal.Tabletops;
import dev.drpilot.runbook.Runbook;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the window works with, built off the FX thread after the first frame: the runbooks and
 * their tabletop exercises, the incident log, the engine, where exports go, a way to ask AWS
 * who the operator acts as, what the live status panel of an incident reads, what starts and
 * resumes tabletops, the link to the team log ({@link TeamLogLink#NONE} without one), and the
 * readiness checks of the account (the guide's targets, measured now).
 */
public record UiBackend(
        List<Runbook> runbooks,
        List<Exercise> exercises,
        IncidentLogStore log,
        IncidentEngine engine,
        Path exportFolder,
        Supplier<String> whoAmI,
        Function<IncidentRun, List<StatusSource>> liveStatus,
        ParameterSuggestions suggestions,
        Tabletops tabletops,
        TeamLogLink teamLog,
        Supplier<ReadinessReport> readiness)
        implements AutoCloseable {

    /** A backend whose Readiness screen cannot measure: Check now says so. */
    public UiBackend(
            List<Runbook> runbooks,
            List<Exercise> exercises,
            IncidentLogStore log,
            IncidentEngine engine,
            Path exportFolder,
            Supplier<String> whoAmI,
            Function<IncidentRun, List<StatusSource>> liveStatus,
            ParameterSuggestions suggestions,
            Tabletops tabletops,
            TeamLogLink teamLog) {
        this(
                runbooks,
                exercises,
                log,
                engine,
                exportFolder,
                whoAmI,
                liveStatus,
                suggestions,
                tabletops,
                teamLog,
                () -> {
                    throw new IllegalStateException("This window has no AWS account to measure readiness in.");
                });
    }

    /** The exercise a newcomer is offered on an empty log. */
    static final String SAMPLE_EXERCISE = "druid-rds-corruption-tabletop";

    /** A backend without exercises (no rehearsal of recovery runbooks offered, so no tabletop), live status, suggestions or team log. */
    public UiBackend(
            List<Runbook> runbooks,
            IncidentLogStore log,
            IncidentEngine engine,
            Path exportFolder,
            Supplier<String> whoAmI) {
        this(
                runbooks,
                List.of(),
                log,
                engine,
                exportFolder,
                whoAmI,
                run -> List.of(),
                ParameterSuggestions.NONE,
                null,
                TeamLogLink.NONE);
    }

    Optional<Exercise> exerciseFor(Runbook runbook) {
        return exercises.stream()
                .filter(e -> e.runbookId().equals(runbook.id()))
                .findFirst();
    }

    Optional<Runbook> runbook(String id) {
        return runbooks.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Stops sending to the team log, then closes the log (when the settings change and a new backend takes over). */
    @Override
    public void close() {
        teamLog.close();
        log.close();
    }
}
