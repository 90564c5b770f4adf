package dev.drpilot.rehearsal;

import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.runbook.Phase;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.Step;
import dev.drpilot.runbook.TimeTarget;
import dev.drpilot.timeline.EventDescriptions;
import dev.drpilot.timeline.Postmortem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a rehearsal went, computed from its events alone: RTO and RPO against target, each phase
 * against its window, the time to the first action, the steps retried and skipped, and how long
 * the team took to react to each inject. Phases and injects are timed like the incident's clocks
 * and the exercise's T+: from the failure's start.
 *
 * @param rto         declaration (or the failure's start, when set back) to recovery, or null when not recovered
 * @param rpo         data lost: restore point to the failure's start, or null when the exercise gives none
 * @param retried     by step id: attempts beyond the first (the engine's retries and the team's re-runs)
 * @param skipped     by step id: the reason given
 */
public record Scorecard(Incident incident, String runbookTitle, TimeTarget rtoTarget, TimeTarget rpoTarget, Duration rto, Duration rpo,
                        Duration timeToFirstAction, List<PhaseResult> phases, Map<String, Integer> retried, Map<String, String> skipped,
                        List<InjectReaction> injects) {

    /** A phase's work against its window: {@code doneAfter} is null when the phase was not finished. */
    public record PhaseResult(Phase phase, Duration window, Duration doneAfter) {
        public String verdict() {
            return doneAfter == null ? "not finished" : doneAfter.compareTo(window) <= 0 ? "met" : "missed";
        }
    }

    /** An inject at its exercise time (T+, from the failure's start) and the time until the team's next move (null when it made none). */
    public record InjectReaction(Duration at, String text, Duration reaction) {
    }

    /** The moves of the team, as opposed to what the engine and the script did. */
    private static final Set<EventKind> TEAM_MOVES = Set.of(EventKind.STEP_STARTED, EventKind.NOTE, EventKind.DECISION,
            EventKind.CONFIRMATION_GIVEN, EventKind.CHECKLIST_TICK, EventKind.STEP_SKIPPED, EventKind.STEP_CANCELLED);

    public static Scorecard of(Incident incident, Runbook runbook, List<IncidentEvent> events) {
        Postmortem pm = Postmortem.of(incident, Optional.of(runbook), events);
        return new Scorecard(incident, runbook.title(), runbook.targets().rto(), runbook.targets().rpo(), pm.rtoAchieved(),
                pm.rpoAchieved(), pm.timeToFirstAction(), phases(incident, runbook, events), retried(events), skipped(events),
                injects(incident, events));
    }

    public String rtoVerdict() {
        return verdict(rto, rtoTarget);
    }

    public String rpoVerdict() {
        return verdict(rpo, rpoTarget);
    }

    private static String verdict(Duration achieved, TimeTarget target) {
        if (target == null || target.isNone()) return "no target";
        if (achieved == null) return "not reached";
        return target.metBy(achieved) ? "met" : "missed";
    }

    private static List<PhaseResult> phases(Incident incident, Runbook runbook, List<IncidentEvent> events) {
        Map<String, Instant> settled = new HashMap<>();
        for (IncidentEvent e : events) {
            if (e.stepId() == null) continue;
            if (e.kind() == EventKind.STEP_SUCCEEDED || e.kind() == EventKind.STEP_SKIPPED) settled.put(e.stepId(), e.time());
            if (e.kind() == EventKind.STEP_STARTED) settled.remove(e.stepId());
        }
        List<PhaseResult> results = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            List<Step> steps = runbook.steps().stream().filter(s -> s.phase() == phase).toList();
            if (steps.isEmpty()) continue;
            boolean done = steps.stream().allMatch(s -> settled.containsKey(s.id()));
            Duration doneAfter = done ? steps.stream().map(s -> Duration.between(incident.startedAt(), settled.get(s.id())))
                    .max(Duration::compareTo).orElseThrow() : null;
            results.add(new PhaseResult(phase, phase.closes(), doneAfter));
        }
        return results;
    }

    private static Map<String, Integer> retried(List<IncidentEvent> events) {
        Map<String, Integer> attempts = new LinkedHashMap<>();
        for (IncidentEvent e : events) {
            if (e.stepId() != null && (e.kind() == EventKind.STEP_STARTED || e.kind() == EventKind.STEP_RETRIED)) {
                attempts.merge(e.stepId(), 1, Integer::sum);
            }
        }
        Map<String, Integer> retried = new LinkedHashMap<>();
        attempts.forEach((step, count) -> {
            if (count > 1) retried.put(step, count - 1);
        });
        return retried;
    }

    private static Map<String, String> skipped(List<IncidentEvent> events) {
        Map<String, String> skipped = new LinkedHashMap<>();
        for (IncidentEvent e : events) {
            if (e.kind() == EventKind.STEP_SKIPPED) skipped.put(e.stepId(), String.valueOf(EventDescriptions.payload(e).getOrDefault("reason", "")));
        }
        return skipped;
    }

    private static List<InjectReaction> injects(Incident incident, List<IncidentEvent> events) {
        List<InjectReaction> reactions = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            IncidentEvent inject = events.get(i);
            if (inject.kind() != EventKind.INJECT) continue;
            Duration reaction = null;
            for (int j = i + 1; j < events.size(); j++) {
                if (TEAM_MOVES.contains(events.get(j).kind())) {
                    reaction = Duration.between(inject.time(), events.get(j).time());
                    break;
                }
            }
            reactions.add(new InjectReaction(Duration.between(incident.startedAt(), inject.time()),
                    String.valueOf(EventDescriptions.payload(inject).get("text")), reaction));
        }
        return reactions;
    }
}
