package dev.drpilot.action;

/**
 * One resource as the live status panel shows it.
 *
 * @param kind    Pod, Node, RDS instance, DynamoDB table, DNS record
 * @param status  what the service says (Running, CrashLoopBackOff, available, ACTIVE, api-dr.example.com)
 * @param healthy whether that is the state the recovery aims for
 * @param detail  more, in a few words (restarts and node; endpoint; item count)
 */
public record ResourceStatus(String kind, String name, String status, boolean healthy, String detail) {}
