package dev.drpilot.incident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Each event holds the SHA-256 of its own content and of the event before it, so changing,
 * removing or reordering any event of an exported timeline shows.
 */
public final class HashChain {

    public static final String GENESIS = "0".repeat(64);

    private HashChain() {}

    /** The outcome of a check: intact, or the first event that does not fit. */
    public record Verification(boolean intact, int checked, Long firstBrokenSequence, String reason) {
        static Verification ok(int checked) {
            return new Verification(true, checked, null, null);
        }
    }

    /** A SHA-256 digest for one thread's run of hashes (a page of events, a check): getting one costs more than a hash. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String hash(
            MessageDigest sha256,
            String incidentId,
            long sequence,
            long timeMillis,
            EventKind kind,
            String actor,
            String stepId,
            String payload,
            Long corrects,
            Long occurredAtMillis,
            String previousHash) {
        String canonical = String.join(
                "\u001f",
                incidentId,
                Long.toString(sequence),
                Long.toString(timeMillis),
                kind.name(),
                nullable(actor),
                nullable(stepId),
                nullable(payload),
                nullable(corrects),
                nullable(occurredAtMillis),
                previousHash);
        return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** The SHA-256 of a canonical text, in hex. */
    static String sha256(String canonical) {
        return HexFormat.of().formatHex(sha256().digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The event that follows {@code previousHash} at {@code sequence} in an incident's chain: for a
     * chain kept outside this laptop's log (its responder events in the team log).
     */
    public static IncidentEvent next(
            String incidentId, long sequence, Instant time, String actor, EventData data, String previousHash) {
        long millis = time.toEpochMilli();
        String payload = EventCodec.write(data);
        String hash = hash(
                sha256(), incidentId, sequence, millis, data.kind(), actor, null, payload, null, null, previousHash);
        return new IncidentEvent(
                incidentId,
                sequence,
                Instant.ofEpochMilli(millis),
                data.kind(),
                actor,
                null,
                payload,
                null,
                null,
                previousHash,
                hash);
    }

    /** The hash an event's fields and previous hash make: equal to its {@code hash} unless it was changed. */
    public static String hashOf(IncidentEvent e) {
        return hashOf(sha256(), e);
    }

    static String hashOf(MessageDigest sha256, IncidentEvent e) {
        return hash(
                sha256,
                e.incidentId(),
                e.sequence(),
                e.time().toEpochMilli(),
                e.kind(),
                e.actor(),
                e.stepId(),
                e.payload(),
                e.corrects(),
                e.occurredAt() == null ? null : e.occurredAt().toEpochMilli(),
                e.previousHash());
    }

    /** Checks a whole incident's events, in sequence order, from the first. */
    public static Verification verify(List<IncidentEvent> events) {
        Check check = new Check();
        events.forEach(check::add);
        return check.result();
    }

    /** The same check fed one event at a time, in sequence order from the first, for an incident too large to hold at once. */
    public static final class Check {

        private final MessageDigest sha256 = sha256();
        private String previous = GENESIS;
        private long expectedSequence = 1;
        private Verification broken;

        public void add(IncidentEvent event) {
            if (broken != null) return;
            if (event.sequence() != expectedSequence) {
                broken = new Verification(
                        false,
                        (int) expectedSequence - 1,
                        expectedSequence,
                        "event " + expectedSequence + " is missing (found " + event.sequence() + " next)");
            } else if (!event.previousHash().equals(previous)) {
                broken = new Verification(
                        false,
                        (int) expectedSequence - 1,
                        event.sequence(),
                        "event " + event.sequence() + " does not follow event " + (event.sequence() - 1)
                                + ": one of them was changed or removed");
            } else if (!hashOf(sha256, event).equals(event.hash())) {
                broken = new Verification(
                        false,
                        (int) expectedSequence - 1,
                        event.sequence(),
                        "event " + event.sequence() + " was changed after it was written");
            } else {
                previous = event.hash();
                expectedSequence++;
            }
        }

        /** Intact over every event added, or where the chain first broke. */
        public Verification result() {
            return broken != null ? broken : Verification.ok((int) expectedSequence - 1);
        }
    }

    private static String nullable(Object value) {
        return value == null ? "\u2400" : value.toString();
    }
}
