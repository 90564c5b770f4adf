package dev.drpilot.engine;

import dev.drpilot.incident.EventData;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.runbook.Phase;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.Step;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of an incident, computed from its events in one place: the screen, the clocks, the
 * post-mortem and the scorecard all read them, so they all say the same. Every time is counted
 * from the incident's start: the failure's beginning when known, else its declaration.
 */
public final class IncidentFigures {

    /** The runbook parameter that names the restore point: the RPO is counted from it to the failure's start. */
    public static final String RESTORE_POINT = "restoreTime";

    /** Who settled a step (ran it to success, ticked it off or skipped it) and when. */
    public record Settled(String actor, Instant at) {}

    /**
     * A checklist phase's work, from the log.
     *
     * @param steps  the runbook's steps in the phase
     * @param doneAt when its last step was settled, or null while one is not
     */
    public record PhaseState(Phase phase, int steps, Instant doneAt) {}

    /**
     * How long a step waited for a second person's approval.
     *
     * @param decision  "approved by bob", "refused by bob", "approved by override, no second person (alice)", or
     *                  "not decided" while it still waits
     * @param decidedAt when it was decided, or null while it waits
     */
    public record ApprovalWait(String stepId, Instant requestedAt, Instant decidedAt, String decision) {
        /** The wait up to its decision, or up to {@code now} while it still waits. */
        public Duration waited(Instant now) {
            return Duration.between(requestedAt, decidedAt == null ? now : decidedAt);
        }
    }

    private final Instant declaredAt;
    private final Instant failureStartedAt;
    private final Instant restorePoint;
    private final Instant recoveredAt;
    private final Instant rtoStoppedAt;
    private final Instant closedAt;
    private final Instant firstActionAt;
    private final Map<String, Settled> settled;
    private final List<PhaseState> phases;
    private final List<ApprovalWait> approvalWaits;

    private IncidentFigures(
            Instant declaredAt,
            Instant failureStartedAt,
            Instant restorePoint,
            Instant recoveredAt,
            Instant rtoStoppedAt,
            Instant closedAt,
            Instant firstActionAt,
            Map<String, Settled> settled,
            List<PhaseState> phases,
            List<ApprovalWait> approvalWaits) {
        this.declaredAt = declaredAt;
        this.failureStartedAt = failureStartedAt;
        this.restorePoint = restorePoint;
        this.recoveredAt = recoveredAt;
        this.rtoStoppedAt = rtoStoppedAt;
        this.closedAt = closedAt;
        this.firstActionAt = firstActionAt;
        this.settled = Map.copyOf(settled);
        this.phases = List.copyOf(phases);
        this.approvalWaits = List.copyOf(approvalWaits);
    }

    /**
     * @param incident its row, for what its events do not say (a salvaged log that lost its declaration)
     * @param runbook  for the phases of its steps, or null when it is not known here
     */
    public static IncidentFigures of(Incident incident, List<IncidentEvent> events, Runbook runbook) {
        Instant failureStartedAt = incident.failureStartedAt();
        String restorePoint = null;
        Instant recoveredAt = null;
        boolean recoverySaid = false;
        Instant closedAt = null;
        Instant firstActionAt = null;
        Map<String, Settled> settled = new HashMap<>();
        List<ApprovalWait> approvalWaits = new ArrayList<>();
        for (IncidentEvent e : events) {
            approvalWait(e, approvalWaits);
            switch (e.kind()) {
                case INCIDENT_DECLARED -> {
                    EventData.Declared declared = (EventData.Declared) e.data();
                    if (declared.failureStartedAt() != null) failureStartedAt = declared.failureStartedAt();
                    if (declared.params() != null)
                        restorePoint = declared.params().get(RESTORE_POINT);
                }
                case INCIDENT_START_SET_BACK ->
                    failureStartedAt = ((EventData.StartSetBack) e.data()).failureStartedAt();
                case INCIDENT_RECOVERED -> {
                    recoveredAt = e.time();
                    recoverySaid = true;
                }
                case INCIDENT_CLOSED -> closedAt = e.time();
                case INCIDENT_REOPENED -> {
                    recoveredAt = null;
                    closedAt = null;
                }
                case STEP_STARTED -> {
                    if (firstActionAt == null) firstActionAt = e.time();
                    if (e.stepId() != null) settled.remove(e.stepId());
                }
                case STEP_SUCCEEDED, STEP_SKIPPED -> {
                    if (e.stepId() != null) settled.put(e.stepId(), new Settled(e.actor(), e.time()));
                }
                default -> {}
            }
        }
        List<PhaseState> phases = runbook == null ? List.of() : phases(runbook, settled);
        Instant rtoStoppedAt =
                recoverySaid ? recoveredAt : runbook == null ? null : recoveryStepsDoneAt(runbook, settled);
        return new IncidentFigures(
                incident.declaredAt(),
                failureStartedAt,
                instant(restorePoint),
                recoveredAt,
                rtoStoppedAt,
                closedAt,
                firstActionAt,
                settled,
                phases,
                approvalWaits);
    }

    /** A request opens a wait; its decision (given, refused, overridden) closes the step's open one. */
    private static void approvalWait(IncidentEvent e, List<ApprovalWait> waits) {
        String decision = switch (e.data()) {
            case EventData.ApprovalRequested request -> {
                waits.add(new ApprovalWait(e.stepId(), e.time(), null, "not decided"));
                yield null;
            }
            case EventData.ApprovalGiven given -> "approved by " + given.approver();
            case EventData.ApprovalRefused refused -> "refused by " + refused.approver();
            case EventData.ApprovalOverridden overridden ->
                "approved by override, no second person (" + overridden.commander() + ")";
            default -> null;
        };
        if (decision == null) return;
        for (int i = waits.size() - 1; i >= 0; i--) {
            ApprovalWait wait = waits.get(i);
            if (wait.stepId().equals(e.stepId()) && wait.decidedAt() == null) {
                waits.set(i, new ApprovalWait(wait.stepId(), wait.requestedAt(), e.time(), decision));
                return;
            }
        }
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            return null;
        }
    }

    private static List<PhaseState> phases(Runbook runbook, Map<String, Settled> settled) {
        List<PhaseState> phases = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            List<Step> steps =
                    runbook.steps().stream().filter(s -> s.phase() == phase).toList();
            if (steps.isEmpty()) continue;
            boolean done = steps.stream().allMatch(s -> settled.containsKey(s.id()));
            Instant doneAt = done
                    ? steps.stream()
                            .map(s -> settled.get(s.id()).at())
                            .max(Instant::compareTo)
                            .orElseThrow()
                    : null;
            phases.add(new PhaseState(phase, steps.size(), doneAt));
        }
        return phases;
    }

    /** For a log written before recovery was an event: when the last immediate or recovery step was settled, if they all were. */
    private static Instant recoveryStepsDoneAt(Runbook runbook, Map<String, Settled> settled) {
        List<Step> needed = runbook.steps().stream()
                .filter(s -> s.phase() == Phase.IMMEDIATE || s.phase() == Phase.RECOVERY)
                .toList();
        if (needed.isEmpty() || !needed.stream().allMatch(s -> settled.containsKey(s.id()))) return null;
        return needed.stream()
                .map(s -> settled.get(s.id()).at())
                .max(Instant::compareTo)
                .orElseThrow();
    }

    /** Where every clock counts from: the failure's start when known, else the declaration. */
    public Instant start() {
        return failureStartedAt != null ? failureStartedAt : declaredAt;
    }

    public Instant declaredAt() {
        return declaredAt;
    }

    /** When the failure began (declared, or set back later), or null when not known. */
    public Instant failureStartedAt() {
        return failureStartedAt;
    }

    /** The restore point chosen (the {@link #RESTORE_POINT} parameter), or null when the runbook has none. */
    public Instant restorePoint() {
        return restorePoint;
    }

    /** When the service was said to be back (the last recovery not undone by a reopening), or null. */
    public Instant recoveredAt() {
        return recoveredAt;
    }

    /**
     * Where the RTO achieved ends for the record: the recovery said, or, in a log written before
     * recovery was an event (and with the runbook known), when its immediate and recovery steps were all done.
     */
    public Instant rtoStoppedAt() {
        return rtoStoppedAt;
    }

    /** When it was closed (not reopened since), or null. */
    public Instant closedAt() {
        return closedAt;
    }

    /** When the first step was started, or null. */
    public Instant firstActionAt() {
        return firstActionAt;
    }

    /** From the start to {@code now}, or to the close once closed. */
    public Duration elapsed(Instant now) {
        return Duration.between(start(), closedAt != null && closedAt.isBefore(now) ? closedAt : now);
    }

    /** From the start to the recovery said, or null while the service is down. */
    public Duration recoveredIn() {
        return recoveredAt == null ? null : Duration.between(start(), recoveredAt);
    }

    /** The RTO achieved for the record (see {@link #rtoStoppedAt()}), or null when not recovered. */
    public Duration rtoAchieved() {
        return rtoStoppedAt == null ? null : Duration.between(start(), rtoStoppedAt);
    }

    /** The data lost: from the restore point to the failure's start (none when restored to after it), or null until both are known. */
    public Duration rpoAchieved() {
        if (restorePoint == null || failureStartedAt == null) return null;
        Duration lost = Duration.between(restorePoint, failureStartedAt);
        return lost.isNegative() ? Duration.ZERO : lost;
    }

    /** From the declaration to the first step started, or null before one. */
    public Duration timeToFirstAction() {
        return firstActionAt == null ? null : Duration.between(declaredAt, firstActionAt);
    }

    /** By step id: who settled it and when; a step started again is not settled until it is again. */
    public Map<String, Settled> settledBy() {
        return settled;
    }

    /** Each checklist phase the runbook has steps in, with when its work was done (empty without the runbook). */
    public List<PhaseState> phases() {
        return phases;
    }

    /** Each request for a second person's approval, in the order asked, with how long its step waited. */
    public List<ApprovalWait> approvalWaits() {
        return approvalWaits;
    }

    /** Whether an event changes these figures (so a screen need count them again only then). */
    public static boolean counts(IncidentEvent event) {
        return switch (event.kind()) {
            case INCIDENT_DECLARED,
                    INCIDENT_START_SET_BACK,
                    INCIDENT_RECOVERED,
                    INCIDENT_CLOSED,
                    INCIDENT_REOPENED,
                    STEP_STARTED,
                    STEP_SUCCEEDED,
                    STEP_SKIPPED,
                    APPROVAL_REQUESTED,
                    APPROVAL_GIVEN,
                    APPROVAL_REFUSED,
                    APPROVAL_OVERRIDDEN -> true;
            default -> false;
        };
    }
}
