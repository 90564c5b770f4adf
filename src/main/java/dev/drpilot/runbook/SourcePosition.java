package dev.drpilot.runbook;

/** A 1-based line and column in a runbook file. */
public record SourcePosition(int line, int column) {
    public static final SourcePosition START = new SourcePosition(1, 1);
}
