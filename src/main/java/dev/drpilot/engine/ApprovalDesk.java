package dev.drpilot.engine;

import dev.drpilot.incident.EventData;
import java.util.Optional;

/**
 * Where a step's request for a second person's approval goes and its decision is read back: the team
 * log, which the terminal and the window alike wait on through {@link ApprovalWait}.
 */
public interface ApprovalDesk {

    /**
     * Puts the request where another responder can decide it (again after a resume: a request is stored once).
     *
     * @throws ApprovalDeskException when the desk cannot be reached or refuses the request
     */
    void ask(String incidentId, String stepId, EventData.ApprovalRequested request);

    /**
     * The decision on the request, empty while nobody has decided it.
     *
     * @throws ApprovalDeskException when the desk cannot be reached
     */
    Optional<ApprovalDecision> decision(String requestId);
}
