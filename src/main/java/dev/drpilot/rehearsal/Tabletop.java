package dev.drpilot.rehearsal;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.ActionRegistry;
import dev.drpilot.engine.EngineFactory;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.InvalidParametersException;
import dev.drpilot.engine.RunbookChange;
import dev.drpilot.incident.DaemonThreads;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Durations;
import dev.drpilot.runbook.Runbook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tabletop rehearsal, started by {@link Tabletops}: the runbook runs through the same engine and log as an incident, with
 * every action played by the exercise's script on a compressible clock, and the injects
 * delivered at their exercise times. Nothing here builds an AWS or Kubernetes client.
 *
 * <p>Exercise time is the incident's own clock: T+0 is the failure's start, where the incident's
 * elapsed time, RTO and phase windows count from, so the facilitator's T+ and the incident screen
 * read the same. The players are told the situation at the declaration, {@code failureStarted}
 * after T+0 (at T+0 when the exercise gives none).
 */
public final class Tabletop implements AutoCloseable {

    private final Exercise exercise;
    private final RehearsalClock clock;
    private final Script script;
    private final IncidentRun run;
    /** T+0: the failure's start. */
    private final Instant origin;

    private final List<Exercise.Inject> pending;
    private final IncidentEngine engine;
    private final Thread injectTimer;

    private Tabletop(
            Exercise exercise,
            RehearsalClock clock,
            Script script,
            IncidentRun run,
            Instant origin,
            IncidentEngine engine,
            List<Exercise.Inject> pending) {
        this.exercise = exercise;
        this.clock = clock;
        this.script = script;
        this.run = run;
        this.origin = origin;
        this.pending = new ArrayList<>(pending);
        this.engine = engine;
        this.injectTimer = new DaemonThreads("drpilot-injects").newThread(this::deliverInjects);
    }

    /**
     * Declares the rehearsal in the log (mode REHEARSAL), tells the players the situation, and
     * starts the inject timer. The steps then run as the players start them.
     */
    static Tabletop start(
            Exercise exercise,
            Runbook runbook,
            IncidentLogStore log,
            ActionCatalog catalog,
            EngineFactory engines,
            RehearsalClock clock,
            String commander)
            throws InvalidParametersException {
        if (!runbook.id().equals(exercise.runbookId())) {
            throw new IllegalArgumentException(
                    "exercise " + exercise.id() + " rehearses " + exercise.runbookId() + ", not " + runbook.id());
        }
        Script script = new Script(exercise);
        IncidentEngine engine = engines.engine(
                log, new ActionRegistry(catalog, ScriptedAction.forEvery(catalog, script)), clock, clock.sleeper());
        clock.pause(); // the exercise's start is one instant: the declaration, its parameters and the failure's
        // start agree
        Instant declared = Instant.ofEpochMilli(clock.millis());
        Instant origin = exercise.failureStartedAt(declared);
        IncidentRun run;
        try {
            run = engine.declareTabletop(
                    runbook,
                    exercise.paramValues(origin),
                    new NewIncident(
                            runbook.id(),
                            "Rehearsal: " + exercise.title(),
                            IncidentMode.REHEARSAL,
                            null,
                            commander,
                            origin),
                    exercise.id());
        } catch (InvalidParametersException | RuntimeException e) {
            engine.close();
            throw e;
        } finally {
            clock.resume();
        }
        run.entries()
                .inject(new EventData.Inject(
                        exercise.id(), label(Duration.between(origin, declared)), "script", exercise.situation()));
        Tabletop tabletop = new Tabletop(exercise, clock, script, run, origin, engine, exercise.injects());
        tabletop.injectTimer.start();
        return tabletop;
    }

    /**
     * Takes a rehearsal up again from its log (the app was closed mid-rehearsal): its exercise is
     * the one its first inject names, its clock carries on from its last event, and the injects
     * not delivered yet are still to come.
     */
    static Tabletop resume(
            Incident rehearsal,
            Runbook runbook,
            List<Exercise> exercises,
            IncidentLogStore log,
            ActionCatalog catalog,
            EngineFactory engines,
            int speed,
            RunbookChange accepted)
            throws InvalidParametersException {
        List<IncidentEvent> events = log.events(rehearsal.id());
        String exerciseId = IncidentEngine.exerciseOf(events).orElse(null);
        Exercise exercise = exercises.stream()
                .filter(e -> e.id().equals(exerciseId))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException(rehearsal.id() + " was not a tabletop of a known exercise"
                                + (exerciseId == null ? "" : " (" + exerciseId + " is not among the exercises)")
                                + "; its scorecard can still be exported"));
        Set<String> delivered = events.stream()
                .filter(e -> e.kind() == EventKind.INJECT)
                .map(e -> String.valueOf(((EventData.Inject) e.data()).text()))
                .collect(Collectors.toSet());
        RehearsalClock clock = RehearsalClock.resumingAt(events.getLast().time(), speed);
        Script script = new Script(exercise);
        IncidentEngine engine = engines.engine(
                log, new ActionRegistry(catalog, ScriptedAction.forEvery(catalog, script)), clock, clock.sleeper());
        log.keepTimeFor(rehearsal.id(), clock);
        IncidentRun run;
        try {
            run = engine.resume(rehearsal, runbook, Map.of(), accepted);
        } catch (InvalidParametersException | RuntimeException e) {
            engine.close();
            throw e;
        }
        List<Exercise.Inject> pending = exercise.injects().stream()
                .filter(i -> !delivered.contains(i.text()))
                .toList();
        Tabletop tabletop = new Tabletop(exercise, clock, script, run, rehearsal.startedAt(), engine, pending);
        tabletop.injectTimer.start();
        return tabletop;
    }

    public Exercise exercise() {
        return exercise;
    }

    public IncidentRun run() {
        return run;
    }

    public RehearsalClock clock() {
        return clock;
    }

    /** Exercise time: since the failure's start, as the incident's clocks count it. */
    public Duration elapsed() {
        return Duration.between(origin, clock.instant());
    }

    /** The scripted injects not delivered yet, soonest first. */
    public synchronized List<Exercise.Inject> pendingInjects() {
        return List.copyOf(pending);
    }

    /** Delivers the next scripted inject now, ahead of its time. */
    public synchronized void fireNextInject() {
        if (pending.isEmpty()) return;
        deliver(pending.removeFirst(), "facilitator, early");
    }

    /** An inject the facilitator makes up on the spot. */
    public void addInject(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("say what the players learn");
        run.entries().inject(new EventData.Inject(null, label(elapsed()), "facilitator", text.strip()));
    }

    /** The step's next attempt fails with this message; the players then retry or skip it. */
    public void failStep(String stepId, String message) {
        if (run.runbook().step(stepId).isEmpty())
            throw new IllegalArgumentException(
                    "no step '" + stepId + "' in " + run.runbook().id());
        script.failNext(
                stepId, message == null || message.isBlank() ? "the facilitator failed this step" : message.strip());
    }

    /** Sleeps on the rehearsal clock until the next scripted inject is due, delivers it, and so on. */
    private void deliverInjects() {
        try {
            while (true) {
                Duration next;
                synchronized (this) {
                    if (pending.isEmpty()) return;
                    next = pending.getFirst().at();
                }
                Duration left = next.minus(elapsed());
                if (left.isPositive()) clock.sleeper().sleep(left);
                deliverDue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void deliverDue() {
        Duration now = elapsed();
        while (!pending.isEmpty() && pending.getFirst().at().compareTo(now) <= 0) {
            deliver(pending.removeFirst(), "script");
        }
    }

    private void deliver(Exercise.Inject inject, String source) {
        run.entries().inject(new EventData.Inject(null, label(inject.at()), source, inject.text()));
    }

    private static String label(Duration at) {
        return at.isZero() ? "T+0" : "T+" + Durations.human(at);
    }

    @Override
    public void close() {
        injectTimer.interrupt();
        engine.close();
    }
}
