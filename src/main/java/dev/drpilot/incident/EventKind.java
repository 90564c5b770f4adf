package dev.drpilot.incident;

/** What an incident-log event records. */
public enum EventKind {
    INCIDENT_DECLARED,
    INCIDENT_START_SET_BACK,
    INCIDENT_RESUMED,
    /** The service is back: the RTO clock stops (said by the operator, or by the incident's last recovery step). */
    INCIDENT_RECOVERED,
    /** Over: the post-mortem's summary is written; every clock stops. */
    INCIDENT_CLOSED,
    /** Worked on again after being recovered or closed. */
    INCIDENT_REOPENED,
    /**
     * Another DR Pilot (a window, the command line) now drives the incident: it took the claim from
     * the one that held it, which had gone silent (stale) or was still there and was told.
     */
    INCIDENT_TAKEN_OVER,
    /** Resumed on a runbook file that changed since the incident recorded it: the operator saw the difference and accepted it. */
    RUNBOOK_CHANGED,
    PHASE_ENTERED,
    STEP_ADDED,
    STEP_STARTED,
    STEP_WAITING,
    STEP_SUCCEEDED,
    STEP_FAILED,
    STEP_RETRIED,
    STEP_SKIPPED,
    STEP_CANCELLED,
    STEP_INTERRUPTED,
    /** Not run here: another responder's laptop holds the step's lease in the team log (or ran it to success). */
    STEP_HELD_ELSEWHERE,
    /** Not run here: the team log could not say who runs the step (unreachable, or it refused). */
    STEP_LEASE_UNKNOWN,
    CONFIRMATION_REQUESTED,
    CONFIRMATION_GIVEN,
    /** A step that needs a second person's approval asks for it: who asks, the exact command, its target and account. */
    APPROVAL_REQUESTED,
    /** A second responder (never the one who asked) approved the request: the step runs once. */
    APPROVAL_GIVEN,
    /** A second responder refused the request, with a reason: the step does not run. */
    APPROVAL_REFUSED,
    /** No second person could be asked (no team log, or it was unreachable): the incident commander went ahead, with a reason. */
    APPROVAL_OVERRIDDEN,
    API_CALL,
    STATUS_CHANGE,
    CLOCK_BREACH,
    NOTE,
    DECISION,
    /** A rehearsal's scripted (or facilitator's) news for the players: "T+12 min: the instance is still creating". */
    INJECT,
    CHECKLIST_TICK,
    CALLER_IDENTITY,
    CORRECTION,
    EXPORT,
    /** A gap the test found, with the remediation agreed, its owner and its due date. */
    GAP_RECORDED,
    /** A saved readiness report ({@code drpilot readiness --json}) attached to the incident, with its file's hash. */
    READINESS_ATTACHED,
    /**
     * Written by {@code drpilot recover} into a salvaged log: the events its damaged file lost,
     * numbered after them, so the incident's chain shows the gap.
     */
    EVENTS_LOST,
    /** A responder joined the incident on the team log, from a laptop, in a role (commander, operator, scribe, observer). */
    RESPONDER_JOINED,
    /** A responder left the incident on the team log. */
    RESPONDER_LEFT,
    /** The incident commander handed command to another responder: the roles change with it. */
    COMMAND_HANDED_OVER
}
