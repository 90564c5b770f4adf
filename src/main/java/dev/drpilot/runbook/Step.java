package dev.drpilot.runbook;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One step of a runbook: either an action with its arguments, or manual instructions the
 * operator carries out and ticks off.
 *
 * @param with        the action's arguments as plain values (String, Long, Boolean, List, Map), possibly
 *                    with {@code ${...}} references still in them
 * @param manual      Markdown instructions of a manual step, null for an action step
 * @param records     values the operator records in a manual step, which later steps reference
 * @param verify      conditions on the action's outputs, by output name: {@code {atLeast: 30}}
 * @param expect      the typical duration, or null
 * @param timeout     how long the step may take before it fails, or null
 * @param destructive whether the step changes or removes something that cannot simply be undone
 * @param confirm     what the operator types to confirm a destructive step (usually the resource name)
 * @param recovers    whether this step's success means the service is back: it records the incident
 *                    recovered and stops the RTO clock (at most one step of a runbook, never a manual one)
 * @param secondPerson whether a second responder must approve each run of the step before it runs ({@code approval:
 *                    second-person}); without a team log the incident commander may record an override instead
 */
public record Step(
        String id,
        String title,
        Phase phase,
        String action,
        Map<String, Object> with,
        String manual,
        List<Param> records,
        Map<String, Map<String, Object>> verify,
        Duration expect,
        Duration timeout,
        boolean destructive,
        String confirm,
        boolean recovers,
        boolean secondPerson,
        SourcePosition position) {

    public Step {
        with = with == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(with));
        records = List.copyOf(records);
        verify = verify == null ? Map.of() : Map.copyOf(verify);
    }

    public boolean isManual() {
        return action == null;
    }

    /** A manual step's instructions with their {@code ${...}} references put in as {@code values} knows them. */
    public String instructions(Interpolation values) {
        return String.valueOf(values.resolve(manual)).strip();
    }
}
