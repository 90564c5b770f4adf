package dev.drpilot.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What one event of the log says, one record per {@link EventKind}. {@link EventCodec} writes
 * each as the JSON object the log stores and reads it back; nothing else knows the payload's keys.
 * A field the event does not carry is null (a number the event always carries is a primitive).
 */
public sealed interface EventData {

    EventKind kind();

    /** An event whose words are the operator's (or the script's): the log refuses one too long. */
    sealed interface Said extends EventData {
        /** The most characters a note, decision or other thing said may hold: longer text belongs in a file the note names. */
        int MAX_TEXT = 10_000;

        String text();
    }

    /**
     * @param params      the runbook's parameters as given (secret ones redacted), or null in a log declared without them
     * @param exercise    the exercise a tabletop rehearses, or null
     * @param runbookFile the runbook file it runs, or null in a log written before DR Pilot recorded it
     */
    record Declared(
            Map<String, String> params,
            String exercise,
            String runbook,
            String title,
            String mode,
            String severity,
            String commander,
            Instant failureStartedAt,
            RunbookFile runbookFile)
            implements EventData {

        /** A declaration that names no runbook file (as a log written before DR Pilot recorded it reads). */
        public Declared(
                Map<String, String> params,
                String exercise,
                String runbook,
                String title,
                String mode,
                String severity,
                String commander,
                Instant failureStartedAt) {
            this(params, exercise, runbook, title, mode, severity, commander, failureStartedAt, null);
        }

        public EventKind kind() {
            return EventKind.INCIDENT_DECLARED;
        }
    }

    /**
     * One version of a runbook file as the log keeps it.
     *
     * @param name   the file's name, without its folder
     * @param sha256 SHA-256 (hex) of the file's bytes
     * @param text   its text, as the log redacts text
     */
    record RunbookFile(String name, String sha256, String text) {}

    /**
     * The incident was resumed on a runbook file that changed since the log recorded it, and the
     * operator saw the difference and accepted it: from here the incident runs {@code file}.
     *
     * @param previousSha256 the SHA-256 of the version it ran before
     */
    record RunbookChanged(RunbookFile file, String previousSha256) implements EventData {
        public EventKind kind() {
            return EventKind.RUNBOOK_CHANGED;
        }
    }

    record StartSetBack(Instant failureStartedAt, String reason) implements EventData {
        public EventKind kind() {
            return EventKind.INCIDENT_START_SET_BACK;
        }
    }

    /** @param events how many events the log held when the incident was taken up again */
    record Resumed(int events) implements EventData {
        public EventKind kind() {
            return EventKind.INCIDENT_RESUMED;
        }
    }

    /** @param by who said so: the operator's name, or {@link #BY_STEPS} when its last recovery step did */
    record Recovered(String by, String note) implements EventData {
        public static final String BY_STEPS = "steps";

        public boolean bySteps() {
            return BY_STEPS.equals(by);
        }

        public EventKind kind() {
            return EventKind.INCIDENT_RECOVERED;
        }
    }

    record Closed(String summary) implements EventData {
        public EventKind kind() {
            return EventKind.INCIDENT_CLOSED;
        }
    }

    record Reopened(String reason) implements EventData {
        public EventKind kind() {
            return EventKind.INCIDENT_REOPENED;
        }
    }

    /** @param silentForSeconds how long the holder had been silent, when it was stale; else null */
    record TakenOver(String from, String to, Instant fromSince, boolean stale, Long silentForSeconds)
            implements EventData {
        public EventKind kind() {
            return EventKind.INCIDENT_TAKEN_OVER;
        }
    }

    /** @param role commander, operator, scribe or observer */
    record ResponderJoined(String responder, String laptop, String role) implements EventData {
        public EventKind kind() {
            return EventKind.RESPONDER_JOINED;
        }
    }

    record ResponderLeft(String responder, String laptop) implements EventData {
        public EventKind kind() {
            return EventKind.RESPONDER_LEFT;
        }
    }

    /** @param from the commander until now; @param to the responder who is commander from now on */
    record CommandHandedOver(String from, String to) implements EventData {
        public EventKind kind() {
            return EventKind.COMMAND_HANDED_OVER;
        }
    }

    record PhaseEntered(String phase) implements EventData {
        public EventKind kind() {
            return EventKind.PHASE_ENTERED;
        }
    }

    /** @param after the step it follows, or null at the end */
    record StepAdded(String id, String after, String title, String instructions) implements EventData {
        public EventKind kind() {
            return EventKind.STEP_ADDED;
        }
    }

    /**
     * @param attempt 1 for the first run, more when the operator runs it again
     * @param args    the arguments it was called with, or null when it took none
     * @param command the equivalent command, or null
     */
    record StepStarted(String action, int attempt, Map<String, Object> args, String command) implements EventData {
        public EventKind kind() {
            return EventKind.STEP_STARTED;
        }
    }

    record StepWaiting(String waitingFor) implements EventData {
        public EventKind kind() {
            return EventKind.STEP_WAITING;
        }
    }

    /** @param checked what the action read back to prove its effect, or null */
    record StepSucceeded(String summary, String checked, Map<String, Object> outputs, Long durationMs)
            implements EventData {
        public EventKind kind() {
            return EventKind.STEP_SUCCEEDED;
        }
    }

    /** @param outputs what a step whose check failed found, or null */
    record StepFailed(String error, String message, Map<String, Object> outputs) implements EventData {
        public EventKind kind() {
            return EventKind.STEP_FAILED;
        }
    }

    /** @param attempt the attempt about to be made */
    record StepRetried(int attempt, String error, Long delayMs) implements EventData {
        public EventKind kind() {
            return EventKind.STEP_RETRIED;
        }
    }

    record StepSkipped(String reason) implements EventData {
        public EventKind kind() {
            return EventKind.STEP_SKIPPED;
        }
    }

    /** A declined confirmation gives a reason; a stopped run, a message. */
    record StepCancelled(String reason, String message) implements EventData {
        public EventKind kind() {
            return EventKind.STEP_CANCELLED;
        }
    }

    record StepInterrupted(String message) implements EventData {
        public EventKind kind() {
            return EventKind.STEP_INTERRUPTED;
        }
    }

    /**
     * @param laptop      the id of the laptop that holds the step's lease
     * @param until       when its lease ends unless that laptop renews it; null when it ran the step to success
     * @param succeededAt when that laptop ran the step to success, else null
     */
    record StepHeldElsewhere(String responder, String laptop, Instant until, Instant succeededAt) implements EventData {
        public EventKind kind() {
            return EventKind.STEP_HELD_ELSEWHERE;
        }

        /** The laptop as people say it: the first four characters of its id ("3f2a"). */
        public String laptopShort() {
            return laptop.length() <= 4 ? laptop : laptop.substring(0, 4);
        }
    }

    /** @param problem why the team log could not say, in one sentence */
    record StepLeaseUnknown(String problem) implements EventData {
        public EventKind kind() {
            return EventKind.STEP_LEASE_UNKNOWN;
        }
    }

    /** @param type what the operator must type to go ahead */
    record ConfirmationRequested(String type) implements EventData {
        public EventKind kind() {
            return EventKind.CONFIRMATION_REQUESTED;
        }
    }

    record ConfirmationGiven(String typed) implements EventData {
        public EventKind kind() {
            return EventKind.CONFIRMATION_GIVEN;
        }
    }

    /**
     * @param requestId   names this request in the team log, where the approver finds it
     * @param requestedBy the responder who asks (the OS user), who may not approve it
     * @param command     the exact command the step will run, as the approver reads it
     * @param target      what it changes (the name a destructive step's confirmation names)
     * @param account     the AWS account it acts in, as far as the incident knows it
     */
    record ApprovalRequested(String requestId, String requestedBy, String command, String target, String account)
            implements EventData {
        public EventKind kind() {
            return EventKind.APPROVAL_REQUESTED;
        }
    }

    record ApprovalGiven(String requestId, String approver, String reason) implements EventData {
        public EventKind kind() {
            return EventKind.APPROVAL_GIVEN;
        }
    }

    record ApprovalRefused(String requestId, String approver, String reason) implements EventData {
        public EventKind kind() {
            return EventKind.APPROVAL_REFUSED;
        }
    }

    /** @param commander the incident commander who went ahead without a second person */
    record ApprovalOverridden(String requestId, String commander, String reason) implements EventData {
        public EventKind kind() {
            return EventKind.APPROVAL_OVERRIDDEN;
        }
    }

    record ApiCall(String service, String operation, String requestId) implements EventData {
        public EventKind kind() {
            return EventKind.API_CALL;
        }
    }

    record StatusChange(String resource, String status) implements EventData {
        public EventKind kind() {
            return EventKind.STATUS_CHANGE;
        }
    }

    /** @param clock "RTO", or "phase NAME" */
    record ClockBreach(String clock, String detail) implements EventData {
        public EventKind kind() {
            return EventKind.CLOCK_BREACH;
        }
    }

    record Note(String text) implements Said {
        public EventKind kind() {
            return EventKind.NOTE;
        }
    }

    record Decision(String text) implements Said {
        public EventKind kind() {
            return EventKind.DECISION;
        }
    }

    /**
     * @param exercise the exercise, on the opening inject of a tabletop; else null
     * @param at       its exercise time ("T+12 min"), or null
     * @param source   "script" or "facilitator", or null
     */
    record Inject(String exercise, String at, String source, String text) implements Said {
        public EventKind kind() {
            return EventKind.INJECT;
        }
    }

    record ChecklistTick(String item) implements EventData {
        public EventKind kind() {
            return EventKind.CHECKLIST_TICK;
        }
    }

    record CallerIdentity(String account, String arn) implements EventData {
        public EventKind kind() {
            return EventKind.CALLER_IDENTITY;
        }
    }

    record Correction(String text) implements Said {
        public EventKind kind() {
            return EventKind.CORRECTION;
        }
    }

    record Export(String format, String file) implements EventData {
        public EventKind kind() {
            return EventKind.EXPORT;
        }
    }

    /**
     * @param text        the gap, as the team words it
     * @param owner       who answers for the remediation
     * @param due         when the remediation is due (a day, "2026-12-31")
     * @param remediation what will be done about it
     */
    record GapRecorded(String text, String owner, LocalDate due, String remediation) implements Said {
        public EventKind kind() {
            return EventKind.GAP_RECORDED;
        }

        /** Whether its remediation was due before {@code today} (the evidence pack counts the day in UTC). */
        public boolean overdueOn(LocalDate today) {
            return due != null && due.isBefore(today);
        }
    }

    /**
     * @param file   the report's file as named when it was attached
     * @param sha256 the SHA-256 (hex) of that file's bytes
     * @param report the report itself (docs/readiness.md): checkedAt, identity, exitCode, rows
     */
    record ReadinessAttached(String file, String sha256, Map<String, Object> report) implements EventData {
        public EventKind kind() {
            return EventKind.READINESS_ATTACHED;
        }
    }

    /**
     * @param headSays the newest sequence the damaged log's head file recorded
     * @param from     the damaged database file
     */
    record EventsLost(String text, List<Loss> lost, long headSays, String from) implements Said {
        /** Events {@code first} to {@code last} were lost, or the newest one was {@code changed}. */
        public record Loss(long first, long last, boolean changed) {}

        public EventKind kind() {
            return EventKind.EVENTS_LOST;
        }
    }
}
