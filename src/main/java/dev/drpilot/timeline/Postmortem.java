package dev.drpilot.timeline;

import dev.drpilot.engine.IncidentFigures;
import dev.drpilot.engine.RunbookVersions;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.HashChain;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.Targets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facts of an incident as a post-mortem needs them: its timeline and the times that matter
 * (failure, declaration, first action, recovery), with the RTO and RPO achieved against target.
 * Built from the log alone (and the runbook, for step titles and targets).
 *
 * @param recoveredAt where the RTO achieved ends ({@link IncidentFigures#rtoStoppedAt()}), or null
 * @param rpoAchieved the data lost: from the restore point chosen to the failure's start, or null when unknown
 * @param runbookVersions the runbook file's versions the incident ran, the declared one first; empty in a log written before
 *                        DR Pilot recorded them
 */
public record Postmortem(Incident incident, String runbookTitle, List<String> symptoms, Targets targets, List<TimelineEntry> entries,
                         List<IncidentEvent> events, Instant firstActionAt, Instant recoveredAt, Duration rpoAchieved,
                         HashChain.Verification chain, List<RunbookVersions.Recorded> runbookVersions) {

    public static Postmortem of(Incident incident, Optional<Runbook> runbook, List<IncidentEvent> events) {
        Map<String, String> titles = new HashMap<>();
        runbook.ifPresent(r -> r.steps().forEach(s -> titles.put(s.id(), s.title())));
        for (IncidentEvent e : events) {
            if (e.kind() == EventKind.STEP_ADDED && e.data() instanceof EventData.StepAdded added) titles.put(String.valueOf(added.id()), String.valueOf(added.title()));
        }
        Instant start = incident.startedAt();
        List<TimelineEntry> entries = new ArrayList<>();
        for (IncidentEvent e : events) {
            entries.add(new TimelineEntry(e.sequence(), e.effectiveTime(), Duration.between(start, e.effectiveTime()), e.kind(),
                    e.actor(), e.stepId(), e.stepId() == null ? null : titles.getOrDefault(e.stepId(), e.stepId()),
                    EventDescriptions.describe(e), e.occurredAt() != null, e.corrects()));
        }
        entries.sort(java.util.Comparator.comparing(TimelineEntry::time).thenComparing(TimelineEntry::sequence));
        IncidentFigures figures = IncidentFigures.of(incident, events, runbook.orElse(null));
        return new Postmortem(incident, runbook.map(Runbook::title).orElse(incident.runbookId()),
                runbook.map(Runbook::symptoms).orElse(List.of()), runbook.map(Runbook::targets).orElse(null), List.copyOf(entries), List.copyOf(events),
                figures.firstActionAt(), figures.rtoStoppedAt(), figures.rpoAchieved(), HashChain.verify(events), RunbookVersions.of(events));
    }

    /**
     * The runbook's versions in words: "druid-rds-corruption.yaml version 3f2a9c01b7de", and each
     * change accepted mid-incident after it.
     */
    public String runbookVersionsText() {
        if (runbookVersions.isEmpty()) return "version not recorded (declared before DR Pilot recorded runbook versions)";
        StringBuilder text = new StringBuilder(runbookVersions.getFirst().version().label());
        for (RunbookVersions.Recorded changed : runbookVersions.subList(1, runbookVersions.size())) {
            text.append("; changed mid-incident to ").append(changed.version().label()).append(" at ")
                    .append(PostmortemMarkdownWriter.time(changed.time())).append(" (event ").append(changed.sequence()).append(")");
        }
        return text.toString();
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
