package dev.drpilot.action;

/**
 * One argument of an action.
 *
 * @param sensitive a secret: never logged, shown or exported
 */
public record ArgSpec(String name, ArgType type, boolean required, boolean sensitive, String description) {}
