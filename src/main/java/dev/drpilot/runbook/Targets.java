package dev.drpilot.runbook;

/** A scenario's recovery time and recovery point objectives, with the guide's wording when it adds something. */
public record Targets(TimeTarget rto, TimeTarget rpo, String note) {}
