package dev.drpilot.rehearsal;

import dev.drpilot.engine.InvalidParametersException;
import dev.drpilot.engine.RunbookChange;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.runbook.Runbook;
import java.util.List;

/** {@link Tabletops} bound to one incident log, so that a screen starts and resumes tabletops without holding the log. */
public final class TabletopsOnLog {

    private final Tabletops tabletops;
    private final IncidentLogStore log;

    TabletopsOnLog(Tabletops tabletops, IncidentLogStore log) {
        this.tabletops = tabletops;
        this.log = log;
    }

    /** See {@link Tabletops#start(Exercise, Runbook, IncidentLogStore, int, String)}. */
    public Tabletop start(Exercise exercise, Runbook runbook, int speed, String commander)
            throws InvalidParametersException {
        return tabletops.start(exercise, runbook, log, speed, commander);
    }

    /** See {@link Tabletops#resume}. */
    public Tabletop resume(
            Incident rehearsal, Runbook runbook, List<Exercise> exercises, int speed, RunbookChange accepted)
            throws InvalidParametersException {
        return tabletops.resume(rehearsal, runbook, exercises, log, speed, accepted);
    }
}
