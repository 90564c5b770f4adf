package dev.drpilot.engine;

import dev.drpilot.runbook.Phase;
import dev.drpilot.runbook.Targets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The clocks of an incident, all counted from its start (the failure's beginning when known):
 * elapsed time, the RTO countdown, and each checklist phase's window.
 */
public final class IncidentClocks {

    /** A phase's window and whether its work is late. */
    public record PhaseClock(Phase phase, Instant opens, Instant closes, int openSteps, boolean current, boolean breached) {
    }

    /** A clock that ran out: a phase whose window closed with work left, or the RTO. */
    public record Breach(String clock, String detail) {
    }

    /** @param rtoRemaining time left before the RTO target; negative once it is breached; null without a target */
    public record Reading(Duration elapsed, Duration rtoRemaining, List<PhaseClock> phases) {
    }

    private final Instant start;
    private final Targets targets;

    public IncidentClocks(Instant start, Targets targets) {
        this.start = start;
        this.targets = targets;
    }

    public Reading at(Instant now, List<StepRun> steps) {
        Duration elapsed = Duration.between(start, now);
        Duration rtoRemaining = targets == null || targets.rto().isNone() ? null : targets.rto().atMost().minus(elapsed);
        List<PhaseClock> phases = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            Instant opens = start.plus(phase.opens());
            Instant closes = start.plus(phase.closes());
            int open = (int) steps.stream().filter(s -> s.step().phase() == phase && !s.state().isSettled()).count();
            boolean current = !now.isBefore(opens) && now.isBefore(closes);
            phases.add(new PhaseClock(phase, opens, closes, open, current, !now.isBefore(closes) && open > 0));
        }
        return new Reading(elapsed, rtoRemaining, phases);
    }

    /** Every clock that has run out at {@code now}. */
    public List<Breach> breaches(Instant now, List<StepRun> steps) {
        Reading reading = at(now, steps);
        List<Breach> breaches = new ArrayList<>();
        for (PhaseClock phase : reading.phases()) {
            if (phase.breached()) {
                breaches.add(new Breach("phase " + phase.phase().yamlName(), phase.openSteps() + " step(s) of the "
                        + phase.phase().label() + " phase still open after its window closed"));
            }
        }
        boolean recoveryOpen = steps.stream().anyMatch(s -> (s.step().phase() == Phase.IMMEDIATE || s.step().phase() == Phase.RECOVERY)
                && !s.state().isSettled());
        if (reading.rtoRemaining() != null && reading.rtoRemaining().isNegative() && recoveryOpen) {
            breaches.add(new Breach("RTO", "recovery not complete " + targets.rto().label() + " after the start"));
        }
        return breaches;
    }
}
