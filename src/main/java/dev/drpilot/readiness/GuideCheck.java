package dev.drpilot.readiness;

import dev.drpilot.action.ActionException;

/** A check whose reads go through actions: a failed read becomes an unknown row with the action's sentence. */
abstract class GuideCheck implements ReadinessCheck {

    private final String name;
    private final String target;

    GuideCheck(String name, String target) {
        this.name = name;
        this.target = target;
    }

    @Override
    public final String name() {
        return name;
    }

    final String target() {
        return target;
    }

    @Override
    public final ReadinessRow check() {
        try {
            return measure();
        } catch (ActionException e) {
            return ReadinessRow.unknown(name, target, e.getMessage());
        }
    }

    abstract ReadinessRow measure() throws ActionException;

    final ReadinessRow judged(boolean met, String figure, String fix) {
        return ReadinessRow.judged(met, name, figure, target, fix);
    }
}
