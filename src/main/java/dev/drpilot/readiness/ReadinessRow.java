package dev.drpilot.readiness;

/**
 * One guide target, measured now.
 *
 * @param name    the target as the guide words it ("RDS Automated backups: 30 days")
 * @param figure  what was measured ("retention 30 days"), or "-" when nothing could be read
 * @param target  the guide's figure ("at least 30 days")
 * @param verdict met, breached or unknown
 * @param detail  when breached, what to fix (from the guide); when unknown, why; else empty
 */
public record ReadinessRow(String name, String figure, String target, Verdict verdict, String detail) {

    static ReadinessRow met(String name, String figure, String target) {
        return new ReadinessRow(name, figure, target, Verdict.MET, "");
    }

    static ReadinessRow breached(String name, String figure, String target, String fix) {
        return new ReadinessRow(name, figure, target, Verdict.BREACHED, fix);
    }

    static ReadinessRow unknown(String name, String target, String reason) {
        return new ReadinessRow(name, "-", target, Verdict.UNKNOWN, reason);
    }

    static ReadinessRow judged(boolean met, String name, String figure, String target, String fix) {
        return met ? met(name, figure, target) : breached(name, figure, target, fix);
    }
}
