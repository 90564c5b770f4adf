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

    /**
     * A phase's window and whether its work is late.
     *
     * @param steps     how many steps the runbook has in this phase (none: nothing to do, which is not "done")
     * @param openSteps how many of them are not settled yet
     */
    public record PhaseClock(
            Phase phase, Instant opens, Instant closes, int steps, int openSteps, boolean current, boolean breached) {}

    /** A clock that ran out: a phase whose window closed with work left, or the RTO. */
    public record Breach(String clock, String detail) {}

    /**
     * @param elapsed      from the start to now, or to the close once closed
     * @param rtoRemaining time left before the RTO target, frozen at recovery; negative once it is breached; null without a target
     * @param recoveredIn  from the start to the recovery (the RTO achieved), or null while the service is down
     * @param closed       whether the incident is closed (every clock stopped)
     */
    public record Reading(
            Duration elapsed, Duration rtoRemaining, List<PhaseClock> phases, Duration recoveredIn, boolean closed) {}

    private final Instant start;
    private final Targets targets;
    private final Instant recoveredAt;
    private final Instant closedAt;

    public IncidentClocks(Instant start, Targets targets) {
        this(start, targets, null, null);
    }

    private IncidentClocks(Instant start, Targets targets, Instant recoveredAt, Instant closedAt) {
        this.start = start;
        this.targets = targets;
        this.recoveredAt = recoveredAt;
        this.closedAt = closedAt;
    }

    /** The clocks of an incident as its figures stand: the RTO stops at its recovery, every clock at its close. */
    public static IncidentClocks of(IncidentFigures figures, Targets targets) {
        return new IncidentClocks(figures.start(), targets, figures.recoveredAt(), figures.closedAt());
    }

    public Reading at(Instant now, List<StepRun> steps) {
        Instant end = closedAt != null && closedAt.isBefore(now) ? closedAt : now;
        Duration elapsed = Duration.between(start, end);
        Duration recoveredIn = recoveredAt == null ? null : Duration.between(start, recoveredAt);
        Duration rtoRemaining = targets == null || targets.rto().isNone()
                ? null
                : targets.rto().atMost().minus(recoveredIn != null ? recoveredIn : elapsed);
        List<PhaseClock> phases = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            Instant opens = start.plus(phase.opens());
            Instant closes = start.plus(phase.closes());
            int all =
                    (int) steps.stream().filter(s -> s.step().phase() == phase).count();
            int open = (int) steps.stream()
                    .filter(s -> s.step().phase() == phase && !s.state().isSettled())
                    .count();
            boolean current = !end.isBefore(opens) && end.isBefore(closes);
            phases.add(new PhaseClock(phase, opens, closes, all, open, current, !end.isBefore(closes) && open > 0));
        }
        return new Reading(elapsed, rtoRemaining, phases, recoveredIn, closedAt != null);
    }

    /** Every clock that has run out at {@code now}: none once the incident is closed, and no RTO once it is recovered. */
    public List<Breach> breaches(Instant now, List<StepRun> steps) {
        List<Breach> breaches = new ArrayList<>();
        if (closedAt != null) return breaches;
        Reading reading = at(now, steps);
        for (PhaseClock phase : reading.phases()) {
            if (phase.breached()) {
                breaches.add(new Breach(
                        "phase " + phase.phase().yamlName(),
                        phase.openSteps() + " step(s) of the " + phase.phase().label()
                                + " phase still open after its window closed"));
            }
        }
        boolean recoveryOpen = steps.stream()
                .anyMatch(s -> (s.step().phase() == Phase.IMMEDIATE || s.step().phase() == Phase.RECOVERY)
                        && !s.state().isSettled());
        if (recoveredAt == null
                && reading.rtoRemaining() != null
                && reading.rtoRemaining().isNegative()
                && recoveryOpen) {
            breaches.add(
                    new Breach("RTO", "recovery not complete " + targets.rto().label() + " after the start"));
        }
        return breaches;
    }
}
