package dev.drpilot.action;

/** A value an action returns, which later steps reference as {@code ${steps.STEP.NAME}}. */
public record OutputSpec(String name, String description) {}
