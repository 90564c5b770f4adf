package dev.drpilot.incident;

/**
 * Events of one incident that its head file knows of and the database no longer holds (or holds
 * changed): {@code first} to {@code last}, or a changed newest event when {@code changed}.
 */
public record IncidentLoss(String incidentId, long first, long last, long held, long headSays, boolean changed) {

    static IncidentLoss missing(String incidentId, long first, long last, long held, long headSays) {
        return new IncidentLoss(incidentId, first, last, held, headSays, false);
    }

    static IncidentLoss changed(String incidentId, long sequence, long held) {
        return new IncidentLoss(incidentId, sequence, sequence, held, sequence, true);
    }

    /** "INC-... lost events 13 to 13: the database holds 12, its head file says 13". */
    public String sentence() {
        if (changed) {
            return incidentId + " event " + first
                    + " is not the one its head file recorded: the database holds another event " + first
                    + " (a rolled-back or rewritten file)";
        }
        return incidentId + " lost events " + first + " to " + last + ": the database holds "
                + (held == 0 ? "none" : held) + ", its head file says " + headSays;
    }
}
