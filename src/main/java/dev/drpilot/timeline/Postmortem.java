package dev.drpilot.timeline;

import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.HashChain;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.runbook.Phase;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.Step;
import dev.drpilot.runbook.Targets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The facts of an incident as a post-mortem needs them: its timeline and the times that matter
 * (failure, declaration, first action, recovery), with the RTO and RPO achieved against target.
 * Built from the log alone (and the runbook, for step titles and targets).
 *
 * @param recoveredAt when every step of the immediate and recovery phases was done, or null
 * @param rpoAchieved the data lost: from the restore point chosen to the failure's start, or null when unknown
 */
public record Postmortem(Incident incident, String runbookTitle, List<String> symptoms, Targets targets, List<TimelineEntry> entries,
                         List<IncidentEvent> events, Instant firstActionAt, Instant recoveredAt, Duration rpoAchieved,
                         HashChain.Verification chain) {

    public static Postmortem of(Incident incident, Optional<Runbook> runbook, List<IncidentEvent> events) {
        Map<String, String> titles = new HashMap<>();
        runbook.ifPresent(r -> r.steps().forEach(s -> titles.put(s.id(), s.title())));
        for (IncidentEvent e : events) {
            if (e.kind() == EventKind.STEP_ADDED) {
                Map<String, Object> p = EventDescriptions.payload(e);
                titles.put(String.valueOf(p.get("id")), String.valueOf(p.get("title")));
            }
        }
        Instant start = incident.startedAt();
        List<TimelineEntry> entries = new ArrayList<>();
        for (IncidentEvent e : events) {
            entries.add(new TimelineEntry(e.sequence(), e.effectiveTime(), Duration.between(start, e.effectiveTime()), e.kind(),
                    e.actor(), e.stepId(), e.stepId() == null ? null : titles.getOrDefault(e.stepId(), e.stepId()),
                    EventDescriptions.describe(e), e.occurredAt() != null, e.corrects()));
        }
        entries.sort(java.util.Comparator.comparing(TimelineEntry::time).thenComparing(TimelineEntry::sequence));
        Instant firstAction = events.stream().filter(e -> e.kind() == EventKind.STEP_STARTED).map(IncidentEvent::time)
                .findFirst().orElse(null);
        return new Postmortem(incident, runbook.map(Runbook::title).orElse(incident.runbookId()),
                runbook.map(Runbook::symptoms).orElse(List.of()), runbook.map(Runbook::targets).orElse(null), List.copyOf(entries), List.copyOf(events), firstAction,
                recoveredAt(runbook, events), rpo(incident, events), HashChain.verify(events));
    }

    /**
     * When the service was declared back (the last recovery not undone by a reopening); for a log
     * written before recovery was an event, when the last step of the immediate and recovery
     * phases was settled, if they all were.
     */
    private static Instant recoveredAt(Optional<Runbook> runbook, List<IncidentEvent> events) {
        Instant declared = null;
        boolean declaredEver = false;
        for (IncidentEvent e : events) {
            if (e.kind() == EventKind.INCIDENT_RECOVERED) {
                declared = e.time();
                declaredEver = true;
            }
            if (e.kind() == EventKind.INCIDENT_REOPENED) declared = null;
        }
        if (declaredEver) return declared;
        if (runbook.isEmpty()) return null;
        Set<String> needed = runbook.get().steps().stream()
                .filter(s -> s.phase() == Phase.IMMEDIATE || s.phase() == Phase.RECOVERY)
                .map(Step::id).collect(Collectors.toSet());
        Map<String, Instant> settled = new HashMap<>();
        for (IncidentEvent e : events) {
            if (e.stepId() == null || !needed.contains(e.stepId())) continue;
            if (e.kind() == EventKind.STEP_SUCCEEDED || e.kind() == EventKind.STEP_SKIPPED) settled.put(e.stepId(), e.time());
            if (e.kind() == EventKind.STEP_STARTED) settled.remove(e.stepId());
        }
        if (needed.isEmpty() || !settled.keySet().containsAll(needed)) return null;
        return settled.values().stream().max(Instant::compareTo).orElse(null);
    }

    /** Data lost, when the incident restored to a chosen point before a known failure start. */
    private static Duration rpo(Incident incident, List<IncidentEvent> events) {
        if (incident.failureStartedAt() == null) return null;
        return events.stream().filter(e -> e.kind() == EventKind.INCIDENT_DECLARED).findFirst()
                .map(e -> EventDescriptions.payload(e).get("params"))
                .filter(Map.class::isInstance).map(p -> ((Map<?, ?>) p).get("restoreTime"))
                .map(String::valueOf)
                .map(Instant::parse)
                .map(restore -> Duration.between(restore, incident.failureStartedAt()))
                .map(d -> d.isNegative() ? Duration.ZERO : d)
                .orElse(null);
    }

    /** Time from the failure's start to full recovery (the RTO achieved), or null when not recovered. */
    public Duration rtoAchieved() {
        return recoveredAt == null ? null : Duration.between(incident.startedAt(), recoveredAt);
    }

    /** Time from the failure's start to the declaration, when the start was set back. */
    public Duration timeToDeclare() {
        return Duration.between(incident.startedAt(), incident.declaredAt());
    }

    public Duration timeToFirstAction() {
        return firstActionAt == null ? null : Duration.between(incident.declaredAt(), firstActionAt);
    }

    public List<TimelineEntry> ofKind(EventKind... kinds) {
        List<EventKind> wanted = List.of(kinds);
        return entries.stream().filter(e -> wanted.contains(e.kind())).toList();
    }

    /** Whether the achieved time meets the target ("< 5 min" strictly under it; a window up to its end). */
    public static String verdict(Duration achieved, dev.drpilot.runbook.TimeTarget target) {
        if (achieved == null || target == null) return "unknown";
        return target.metBy(achieved) ? "met" : "missed";
    }
}
