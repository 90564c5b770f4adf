package dev.drpilot.readiness;

/**
 * One target of the disaster-recovery guide, read from the live account. A check never throws:
 * what it cannot read becomes an unknown row that says why.
 */
public interface ReadinessCheck {

    /** The target as the guide words it. */
    String name();

    ReadinessRow check();
}
