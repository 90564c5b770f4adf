package dev.drpilot.rehearsal;

import dev.drpilot.action.ActionContext.OperatorInput;
import dev.drpilot.engine.ApprovalDecision;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.RunDriver;
import dev.drpilot.engine.StepRun;
import dev.drpilot.incident.EventData;
import dev.drpilot.runbook.Param;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Plays the team's part of a tabletop, for checking that an exercise runs to its end (drpilot
 * rehearse --play, and the tests): the engine's {@link RunDriver} runs the steps in order, and this
 * answers its questions by script: it types each confirmation, ticks manual steps off with plausible
 * values, and starts a failed step again up to a limit.
 */
public final class Autoplay {

    private static final int MAX_RETRIES_PER_STEP = 3;

    private final IncidentRun run;
    private final Clock clock;
    private final Map<String, Integer> restarts = new HashMap<>();

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
        return new RunDriver(run, new Script()).driveToEnd(realTimeLimit);
    }

    /** The team's answers to the driver's questions. */
    private final class Script implements RunDriver.Operator {

        @Override
        public Optional<OperatorInput> tickOff(StepRun step) {
            return Optional.of(new OperatorInput("ticked off by the rehearsal's autoplay", recordedValues(step)));
        }

        @Override
        public Optional<String> confirm(StepRun step, String expected) {
            return Optional.of(expected);
        }

        /** A tabletop asks no second person: the script goes ahead, which its post-mortem flags as an override. */
        @Override
        public Optional<ApprovalDecision> approval(StepRun step, EventData.ApprovalRequested request) {
            return Optional.of(new ApprovalDecision.Overridden(
                    "the rehearsal's autoplay", "a rehearsal by script: no second person is asked"));
        }

        @Override
        public RunDriver.AfterFailure afterFailure(StepRun step) {
            if (restarts.merge(step.id(), 1, Integer::sum) > MAX_RETRIES_PER_STEP)
                return new RunDriver.AfterFailure.Stop();
            return new RunDriver.AfterFailure.Retry();
        }
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
