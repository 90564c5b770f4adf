package dev.drpilot.rehearsal;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.engine.EngineFactory;
import dev.drpilot.engine.InvalidParametersException;
import dev.drpilot.engine.RunbookChange;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.runbook.Runbook;
import java.time.Clock;
import java.util.List;

/**
 * Starts and resumes tabletops: every action of the catalogue is played by the exercise's script,
 * on an engine from the factory the app gives, so a tabletop builds neither a client nor a thread.
 */
public final class Tabletops {

    private final ActionCatalog catalog;
    private final EngineFactory engines;

    public Tabletops(ActionCatalog catalog, EngineFactory engines) {
        this.catalog = catalog;
        this.engines = engines;
    }

    /**
     * Declares the rehearsal in the log (mode REHEARSAL), tells the players the situation, and
     * starts the inject timer. The steps then run as the players start them.
     *
     * @param speed how much faster than real time the exercise's clock runs
     */
    public Tabletop start(Exercise exercise, Runbook runbook, IncidentLogStore log, int speed, String commander)
            throws InvalidParametersException {
        return start(exercise, runbook, log, new RehearsalClock(Clock.systemUTC(), speed), commander);
    }

    Tabletop start(Exercise exercise, Runbook runbook, IncidentLogStore log, RehearsalClock clock, String commander)
            throws InvalidParametersException {
        return Tabletop.start(exercise, runbook, log, catalog, engines, clock, commander);
    }

    /**
     * Takes a rehearsal up again from its log (the app was closed mid-rehearsal): its exercise is
     * the one its first inject names, its clock carries on from its last event, and the injects
     * not delivered yet are still to come. A runbook changed since the rehearsal recorded it
     * resumes only with the change accepted, as any incident ({@link dev.drpilot.engine.IncidentEngine#resume}).
     *
     * @param accepted the runbook change the facilitator saw and accepted, or null
     */
    public Tabletop resume(
            Incident rehearsal,
            Runbook runbook,
            List<Exercise> exercises,
            IncidentLogStore log,
            int speed,
            RunbookChange accepted)
            throws InvalidParametersException {
        return Tabletop.resume(rehearsal, runbook, exercises, log, catalog, engines, speed, accepted);
    }

    /** These tabletops, always on {@code log}. */
    public TabletopsOnLog on(IncidentLogStore log) {
        return new TabletopsOnLog(this, log);
    }
}
