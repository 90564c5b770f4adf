package dev.drpilot.incident;

import java.time.Instant;

/**
 * One readiness run kept in the log, outside any incident: the report as its JSON, chained to the
 * run before it as events are (docs/decisions/0008-readiness-in-the-log.md).
 *
 * @param sequence     1 for the first run the log kept, then one more each run
 * @param checkedAt    when the run measured
 * @param actor        who ran it (the operator's name)
 * @param report       the report as `drpilot readiness --json` prints it
 * @param previousHash the hash of the run before ({@link HashChain#GENESIS} for the first)
 * @param hash         the SHA-256 of this run's fields and the previous hash
 */
public record ReadinessRecord(
        long sequence, Instant checkedAt, String actor, String report, String previousHash, String hash) {

    static ReadinessRecord chained(long sequence, Instant checkedAt, String actor, String report, String previous) {
        return new ReadinessRecord(
                sequence, checkedAt, actor, report, previous, hashOf(sequence, checkedAt, actor, report, previous));
    }

    /** Whether its hash is still the one its fields make: false once any of them was changed. */
    public boolean intact() {
        return hash.equals(hashOf(sequence, checkedAt, actor, report, previousHash));
    }

    private static String hashOf(long sequence, Instant checkedAt, String actor, String report, String previous) {
        return HashChain.sha256(String.join(
                "\u001f",
                "readiness",
                Long.toString(sequence),
                Long.toString(checkedAt.toEpochMilli()),
                actor == null ? "\u2400" : actor,
                report,
                previous));
    }
}
