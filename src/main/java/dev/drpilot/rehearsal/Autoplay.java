package dev.drpilot.rehearsal;

import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.runbook.Param;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * Plays the team's part of a tabletop, for checking that an exercise runs to its end (drpilot
 * rehearse --play, and the tests): it runs the steps in order, types each confirmation, ticks
 * manual steps off with plausible values, and starts a failed step again up to a limit.
 */
public final class Autoplay {

    private static final int MAX_RETRIES_PER_STEP = 3;
    private static final long LOOK_MILLIS = 20;

    private final IncidentRun run;
    private final Clock clock;
    private final Map<String, Integer> restarts = new HashMap<>();
    private Future<?> moving;

    public Autoplay(IncidentRun run, Clock clock) {
        this.run = run;
        this.clock = clock;
    }

    /**
     * Plays until every step is done, or a step fails more often than the limit.
     *
     * @return true when every step ended succeeded or skipped
     */
    public boolean playToEnd(Duration realTimeLimit) throws InterruptedException {
        long giveUp = System.nanoTime() + realTimeLimit.toNanos();
        while (System.nanoTime() < giveUp) {
            StepRun next = run.steps().stream().filter(s -> !s.state().isSettled()).findFirst().orElse(null);
            if (next == null) return true;
            if (moving != null && !moving.isDone() && next.state() != StepState.AWAITING_OPERATOR) {
                Thread.sleep(LOOK_MILLIS);
                continue;
            }
            String id = next.step().id();
            switch (next.state()) {
                case AWAITING_CONFIRMATION -> moving = run.confirm(id, run.confirmationText(id));
                case AWAITING_OPERATOR -> run.tickOff(id, "ticked off by the rehearsal's autoplay", recordedValues(next));
                case FAILED, CANCELLED, INTERRUPTED -> {
                    if (restarts.merge(id, 1, Integer::sum) > MAX_RETRIES_PER_STEP) return false;
                    moving = run.start(id);
                }
                case PENDING -> moving = run.runToNextConfirmation();
                default -> { }
            }
            Thread.sleep(LOOK_MILLIS);
        }
        return false;
    }

    private Map<String, String> recordedValues(StepRun step) {
        Map<String, String> values = new HashMap<>();
        for (Param record : step.step().records()) values.put(record.name(), plausible(record));
        return values;
    }

    private String plausible(Param record) {
        if (record.defaultValue() != null) return record.defaultValue();
        return switch (record.type()) {
            case INSTANT -> clock.instant().minus(Duration.ofMinutes(5)).toString();
            case INTEGER -> String.valueOf(record.min() != null ? record.min() : 1);
            case BOOLEAN -> "true";
            case DURATION -> "PT5M";
            case ENUM -> record.values().getFirst();
            case AWS_REGION -> "us-west-2";
            case K8S_NAMESPACE -> "druid";
            case AWS_ARN -> "arn:aws:iam::123456789012:role/rehearsal";
            default -> "rehearsal";
        };
    }
}
