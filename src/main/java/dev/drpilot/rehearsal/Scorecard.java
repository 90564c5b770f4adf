package dev.drpilot.rehearsal;

import dev.drpilot.engine.IncidentFigures;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.runbook.Phase;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.TimeTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
public record Scorecard(
        Incident incident,
        String runbookTitle,
        TimeTarget rtoTarget,
        TimeTarget rpoTarget,
        Duration rto,
        Duration rpo,
        Duration timeToFirstAction,
        List<PhaseResult> phases,
        Map<String, Integer> retried,
        Map<String, String> skipped,
        List<InjectReaction> injects) {

    /** A phase's work against its window: {@code doneAfter} is null when the phase was not finished. */
    public record PhaseResult(Phase phase, Duration window, Duration doneAfter) {
        public String verdict() {
            return doneAfter == null ? "not finished" : doneAfter.compareTo(window) <= 0 ? "met" : "missed";
        }
    }

    /** An inject at its exercise time (T+, from the failure's start) and the time until the team's next move (null when it made none). */
    public record InjectReaction(Duration at, String text, Duration reaction) {}

    /** The moves of the team, as opposed to what the engine and the script did. */
    private static final Set<EventKind> TEAM_MOVES = Set.of(
            EventKind.STEP_STARTED,
            EventKind.NOTE,
            EventKind.DECISION,
            EventKind.CONFIRMATION_GIVEN,
            EventKind.APPROVAL_GIVEN,
            EventKind.APPROVAL_REFUSED,
            EventKind.APPROVAL_OVERRIDDEN,
            EventKind.CHECKLIST_TICK,
            EventKind.STEP_SKIPPED,
            EventKind.STEP_CANCELLED);

    public static Scorecard of(Incident incident, Runbook runbook, List<IncidentEvent> events) {
        IncidentFigures figures = IncidentFigures.of(incident, events, runbook);
        return new Scorecard(
                incident,
                runbook.title(),
                runbook.targets().rto(),
                runbook.targets().rpo(),
                figures.rtoAchieved(),
                figures.rpoAchieved(),
                figures.timeToFirstAction(),
                phases(figures),
                retried(events),
                skipped(events),
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

    private static List<PhaseResult> phases(IncidentFigures figures) {
        return figures.phases().stream()
                .map(p -> new PhaseResult(
                        p.phase(),
                        p.phase().closes(),
                        p.doneAt() == null ? null : Duration.between(figures.start(), p.doneAt())))
                .toList();
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
            if (e.kind() == EventKind.STEP_SKIPPED && e.data() instanceof EventData.StepSkipped skip) {
                skipped.put(e.stepId(), skip.reason() == null ? "" : skip.reason());
            }
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
            reactions.add(new InjectReaction(
                    Duration.between(incident.startedAt(), inject.time()),
                    String.valueOf(((EventData.Inject) inject.data()).text()),
                    reaction));
        }
        return reactions;
    }
}
