package dev.drpilot.timeline;

import dev.drpilot.incident.EventData;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.runbook.Durations;
import dev.drpilot.runbook.RunbookVersion;
import java.time.Duration;

/** Says what an event records, in a sentence a post-mortem reader understands. */
public final class EventDescriptions {

    private EventDescriptions() {}

    public static String describe(IncidentEvent event) {
        return switch (event.data()) {
            case EventData.Declared d ->
                "Incident declared: " + d.title() + " (" + d.mode() + (d.severity() == null ? "" : ", " + d.severity())
                        + ")" + (d.runbookFile() == null ? "" : ", runbook " + version(d.runbookFile()));
            case EventData.RunbookChanged c ->
                "Runbook changed mid-incident: resumed on " + version(c.file()) + " (was version "
                        + RunbookVersion.shortId(c.previousSha256()) + "), the change seen and accepted";
            case EventData.StartSetBack s ->
                "Start set back to the failure's beginning, " + s.failureStartedAt()
                        + (s.reason() == null || s.reason().isBlank() ? "" : " (" + s.reason() + ")");
            case EventData.Resumed r -> "DR Pilot resumed the incident from its log";
            case EventData.Recovered r ->
                "Service recovered (RTO clock stopped), said by "
                        + (r.bySteps() ? "the runbook: every immediate and recovery step is done" : r.by())
                        + text(r.note(), ": ");
            case EventData.Closed c -> "Incident closed" + text(c.summary(), ": ");
            case EventData.Reopened r -> "Incident reopened" + text(r.reason(), ": ");
            case EventData.TakenOver t ->
                t.to() + " took over driving the incident from " + t.from()
                        + (t.stale() ? ", silent for " + t.silentForSeconds() + " s" : "");
            case EventData.ResponderJoined j -> j.responder() + " joined as " + j.role();
            case EventData.ResponderLeft l -> l.responder() + " left the incident";
            case EventData.CommandHandedOver h -> h.from() + " handed command to " + h.to();
            case EventData.PhaseEntered p -> "Entered phase " + p.phase();
            case EventData.StepAdded a -> "Step added: " + a.title();
            case EventData.StepStarted s ->
                (s.attempt() > 1 ? "Retried by the operator (attempt " + s.attempt() + ")" : "Started")
                        + text(s.command(), ": `", "`");
            case EventData.StepWaiting w -> "Waiting for " + w.waitingFor();
            case EventData.StepSucceeded s -> "Succeeded" + text(s.summary(), ": ") + duration(s.durationMs());
            case EventData.StepFailed f -> "Failed: " + f.message();
            case EventData.StepRetried r -> "Retry " + r.attempt() + " after: " + r.error();
            case EventData.StepSkipped s -> "Skipped: " + s.reason();
            case EventData.StepCancelled c -> "Cancelled" + text(c.message(), ": ");
            case EventData.StepInterrupted i -> "Interrupted" + text(i.message(), ": ");
            case EventData.StepHeldElsewhere h ->
                h.succeededAt() != null
                        ? "Not run here: " + h.responder() + " on laptop " + h.laptopShort() + " ran it to success at "
                                + h.succeededAt()
                        : "Not run here: " + h.responder() + " on laptop " + h.laptopShort()
                                + " was running it (lease until " + h.until() + ")";
            case EventData.StepLeaseUnknown u -> "Not run here: the team log could not say who runs it: " + u.problem();
            case EventData.ConfirmationRequested c -> "Asked for confirmation (type " + c.type() + ")";
            case EventData.ConfirmationGiven c -> "Confirmed by typing " + c.typed();
            case EventData.ApprovalRequested a ->
                "Asked a second person to approve `" + a.command() + "` on " + a.target() + " in account " + a.account()
                        + " (asked by " + a.requestedBy() + ")";
            case EventData.ApprovalGiven a -> "Approved by " + a.approver() + ": " + a.reason();
            case EventData.ApprovalRefused a -> "Refused by " + a.approver() + ": " + a.reason();
            case EventData.ApprovalOverridden a ->
                "Approved by override, no second person: " + a.commander() + " went ahead alone: " + a.reason();
            case EventData.ApiCall a ->
                "API call " + a.service() + " " + a.operation() + text(a.requestId(), " (request ", ")");
            case EventData.StatusChange s -> s.resource() + " is " + s.status();
            case EventData.ClockBreach c -> "Clock breached: " + c.clock() + text(c.detail(), ", ");
            case EventData.Note n -> "Note: " + n.text();
            case EventData.Decision d -> "Decision: " + d.text();
            case EventData.Inject i -> "Inject: " + i.text();
            case EventData.ChecklistTick c -> "Checklist: " + c.item() + " done";
            case EventData.CallerIdentity c -> "Acting as " + c.arn() + " in account " + c.account();
            case EventData.Correction c -> "Correction of event " + event.corrects() + ": " + c.text();
            case EventData.Export e -> "Exported the timeline as " + e.format();
            case EventData.GapRecorded g ->
                "Gap found: " + g.text() + " (remediation: " + g.remediation() + ", owner " + g.owner() + ", due "
                        + g.due() + ")";
            case EventData.ReadinessAttached r ->
                "Readiness report attached: " + r.file() + " (SHA-256 " + r.sha256() + ")";
            case EventData.EventsLost l ->
                "Events lost when the log file was damaged, found by drpilot recover: " + l.text();
        };
    }

    private static String version(EventData.RunbookFile file) {
        return file.name() + " version " + RunbookVersion.shortId(file.sha256());
    }

    private static String duration(Long ms) {
        return ms != null && ms >= 1000 ? " in " + Durations.human(Duration.ofMillis(ms)) : "";
    }

    private static String text(String value, String before) {
        return text(value, before, "");
    }

    private static String text(String value, String before, String after) {
        return value == null || value.isBlank() ? "" : before + value + after;
    }
}
