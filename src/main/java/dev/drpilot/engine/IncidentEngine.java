package dev.drpilot.engine;

import dev.drpilot.action.ActionRegistry;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Param;
import dev.drpilot.runbook.Runbook;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/** Declares incidents and resumes them from the log: the engine's entry point. */
public final class IncidentEngine implements AutoCloseable {

    private final IncidentLogStore log;
    private final ActionRegistry actions;
    private final ExecutorService executor;
    private final Clock clock;
    private final StepExecution.Settings settings;

    /**
     * @param executor runs the steps, one at a time; the app passes a single worker thread
     * @param sleeper  waits between polls and retries (tests advance a test clock instead)
     */
    public IncidentEngine(
            IncidentLogStore log,
            ActionRegistry actions,
            ExecutorService executor,
            Clock clock,
            Sleeper sleeper,
            java.util.random.RandomGenerator random) {
        this.log = log;
        this.actions = actions;
        this.executor = executor;
        this.clock = clock;
        this.settings = new StepExecution.Settings(
                sleeper,
                Backoff.standard(random),
                new Backoff(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(30), random),
                4);
    }

    /**
     * Checks the parameters (nothing is called when one is wrong), declares the incident in the
     * log, and returns it ready to run.
     */
    public IncidentRun declare(Runbook runbook, Map<String, String> paramValues, NewIncident request)
            throws InvalidParametersException {
        return declare(runbook, paramValues, request, null);
    }

    /**
     * Declares a tabletop rehearsal of {@code exercise}: its declaration names the exercise, so no
     * route can later resume it on an engine that calls anything. Only an engine whose every
     * action plays a script may declare one.
     */
    public IncidentRun declareTabletop(
            Runbook runbook, Map<String, String> paramValues, NewIncident request, String exercise)
            throws InvalidParametersException {
        if (!actions.callsNothing()) throw tabletopRefused(runbook, "declared");
        return declare(runbook, paramValues, request, exercise);
    }

    private IncidentRun declare(Runbook runbook, Map<String, String> paramValues, NewIncident request, String exercise)
            throws InvalidParametersException {
        ParameterValues params = ParameterValues.resolve(runbook, paramValues, clock.instant());
        if (request.failureStartedAt() != null
                && request.failureStartedAt().isAfter(clock.instant().plusSeconds(60))) {
            throw new InvalidParametersException(List.of("the failure's start " + request.failureStartedAt()
                    + " is in the future: give when it began, in UTC"));
        }
        DrillTargets.check(runbook, actions.catalog(), params.texts());
        params.secrets().forEach(log.redactor()::addSecret);
        Incident incident =
                log.declare(request, params.texts(), exercise, RunbookVersions.file(runbook.version()), clock);
        IncidentRun run = new IncidentRun(
                runbook, incident, log.events(incident.id()), log, actions, executor, clock, settings, params, 1);
        run.driving().takeIfFree();
        return run;
    }

    /** How the runbook file changed since {@code incident}'s log recorded it; empty when it is the same or none was recorded. */
    public Optional<RunbookChange> runbookChange(Incident incident, Runbook runbook) {
        return RunbookChange.of(log, incident, runbook);
    }

    /**
     * Rebuilds an incident from its log: steps where they stood, outputs of the steps that
     * succeeded, and takes it up. A step that was running when its process stopped becomes
     * interrupted, and that is logged. When a live DR Pilot elsewhere drives the incident, it is
     * only opened: nothing is logged, and the run follows that driver until it lets go or is taken
     * over ({@link IncidentRun#drivenElsewhere()}). Secret parameters are not in the log: give them
     * again in {@code secretValues}.
     */
    public IncidentRun resume(Incident incident, Runbook runbook, Map<String, String> secretValues)
            throws InvalidParametersException {
        return resume(incident, runbook, secretValues, null);
    }

    /**
     * Resumes as above. When the runbook file changed since the log recorded it, only the change
     * the operator saw and accepted ({@code accepted}, from {@link RunbookChange#of}) lets it
     * resume, and the change is logged; any other is refused with a {@link RunbookChangedException}.
     * A log written before runbook versions were recorded resumes as it always did.
     */
    public IncidentRun resume(
            Incident incident, Runbook runbook, Map<String, String> secretValues, RunbookChange accepted)
            throws InvalidParametersException {
        java.util.List<IncidentEvent> events = log.events(incident.id());
        if (exerciseOf(events).isPresent() && !actions.callsNothing()) throw tabletopRefused(runbook, "resumed");
        Optional<RunbookChange> change = RunbookChange.of(incident.id(), events, runbook, log.redactor());
        if (change.isPresent() && !change.get().sameAs(accepted)) throw new RunbookChangedException(change.get());
        Map<String, String> given = new HashMap<>(loggedParams(events));
        for (Param param : runbook.params()) if (param.sensitive()) given.remove(param.name());
        given.putAll(secretValues);
        ParameterValues params =
                ParameterValues.resolve(runbook, given, incident.declaredAt().plusSeconds(60));
        params.secrets().forEach(log.redactor()::addSecret);
        long upTo = events.isEmpty() ? 0 : events.getLast().sequence();
        IncidentRun run = new IncidentRun(
                runbook,
                log.incident(incident.id()).orElse(incident),
                events,
                log,
                actions,
                executor,
                clock,
                settings,
                params,
                upTo);
        run.replay(events);
        if (run.driving().takeIfFree()) {
            run.journal().record(new EventData.Resumed(events.size()), null);
            change.ifPresent(c -> c.recordIn(run));
        }
        return run;
    }

    /** Stops the worker that runs the steps: a step still running is interrupted. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    /**
     * The exercise a tabletop rehearses, from its log: named by its declaration (or, in a log
     * written before that, by its first inject); empty for anything else.
     */
    public static Optional<String> exerciseOf(List<IncidentEvent> events) {
        return events.stream()
                .filter(e -> e.kind() == EventKind.INCIDENT_DECLARED || e.kind() == EventKind.INJECT)
                .map(e -> switch (e.data()) {
                    case EventData.Declared declared -> declared.exercise();
                    case EventData.Inject inject -> inject.exercise();
                    default -> null;
                })
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** A tabletop never opens a connection, by any route (the window, resume, rehearse): only a scripted engine plays it. */
    private static IllegalStateException tabletopRefused(Runbook runbook, String how) {
        return new IllegalStateException("a tabletop rehearsal of " + runbook.id()
                + " is played by its exercise's script and never" + " calls AWS or Kubernetes, so it cannot be " + how
                + " here: open it in the window (drpilot, then Resume)");
    }

    private static Map<String, String> loggedParams(java.util.List<IncidentEvent> events) {
        return events.stream()
                .filter(e -> e.kind() == EventKind.INCIDENT_DECLARED)
                .findFirst()
                .map(e -> ((EventData.Declared) e.data()).params())
                .orElse(Map.of());
    }
}
