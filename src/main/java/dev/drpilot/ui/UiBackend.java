package dev.drpilot.ui;

import dev.drpilot.action.StatusSource;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.export.IncidentExports;
import dev.drpilot.incident.IncidentLogView;
import dev.drpilot.readiness.ReadinessLog;
import dev.drpilot.readiness.ReadinessReport;
import dev.drpilot.rehearsal.Exercise;
import dev.drpilot.rehearsal.TabletopsOnLog;
import dev.drpilot.runbook.Runbook;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the window works with, built off the FX thread after the first frame by the app: the runbooks and
 * their tabletop exercises, the incident log as the window holds it (never the store itself), the exports
 * and the readiness runs kept in that log, the engine, where exports go, a way to ask AWS who the operator
 * acts as, what the live status panel of an incident reads, tabletops started and resumed on that log, the
 * link to the team log ({@link TeamLogLink#NONE} without one), and the readiness checks of the account
 * (the guide's targets, measured now).
 */
public record UiBackend(
        List<Runbook> runbooks,
        List<Exercise> exercises,
        IncidentLogView log,
        IncidentExports exports,
        ReadinessLog readinessLog,
        IncidentEngine engine,
        Path exportFolder,
        Supplier<String> whoAmI,
        Function<IncidentRun, List<StatusSource>> liveStatus,
        ParameterSuggestions suggestions,
        TabletopsOnLog tabletops,
        TeamLogLink teamLog,
        Supplier<ReadinessReport> readiness)
        implements AutoCloseable {

    /** The exercise a newcomer is offered on an empty log. */
    static final String SAMPLE_EXERCISE = "druid-rds-corruption-tabletop";

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
