package dev.drpilot.runbook;

import java.nio.file.Path;

/** What `drpilot list` shows of a runbook: its header fields and how many steps it has, read without checking the steps. */
public record RunbookHeader(
        Path source, String id, Architecture architecture, RunbookKind kind, Targets targets, int stepCount) {}
