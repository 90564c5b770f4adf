package dev.drpilot.engine;

import dev.drpilot.incident.Claim;
import dev.drpilot.incident.Driver;
import dev.drpilot.incident.IncidentDrivers;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether this process drives one incident (runs its steps), and who does when another DR Pilot
 * does: what this process believes of the incident's claim, kept true by the follower's look at
 * the claim every round and by a claim before every step.
 */
final class Wheel {

    private final IncidentDrivers drivers;
    private final String incidentId;
    private volatile boolean held;
    private volatile Driver elsewhere;
    private Instant lastBeat = Instant.EPOCH;

    Wheel(IncidentDrivers drivers, String incidentId) {
        this.drivers = drivers;
        this.incidentId = incidentId;
    }

    boolean held() {
        return held;
    }

    /** The live driver in another process, if any (a stale one no longer counts). */
    Optional<Driver> elsewhere() {
        return Optional.ofNullable(elsewhere);
    }

    /** Claims the incident: kept when ours, taken when free or stale, and from a live driver only when {@code overLiveHolder}. */
    synchronized Claim take(boolean overLiveHolder) {
        Claim claim = drivers.claim(incidentId, overLiveHolder);
        held = claim.held();
        elsewhere = claim.held() ? null : claim.previous();
        if (held) lastBeat = drivers.now();
        return claim;
    }

    synchronized void release() {
        if (held) drivers.release(incidentId);
        held = false;
    }

    /**
     * Looks at the claim again: keeps this process's own alive, and says whether another process
     * took it from this one and whether the driver seen elsewhere changed.
     */
    synchronized Look look() {
        Instant now = drivers.now();
        Optional<Driver> row = drivers.driver(incidentId);
        boolean ours = row.isPresent()
                && row.get().seat().token().equals(drivers.seat().token());
        if (ours && lastBeat.plus(IncidentDrivers.HEARTBEAT_EVERY).isBefore(now)) {
            drivers.heartbeat(incidentId);
            lastBeat = now;
        }
        Driver other = row.filter(d -> !ours && !d.stale(now)).orElse(null);
        Driver takenBy = held && row.isPresent() && !ours ? row.get() : null;
        boolean changed = takenBy != null || !sameClaim(other, elsewhere);
        held = ours;
        elsewhere = other;
        return new Look(takenBy, changed);
    }

    /** What a look found: the driver that took the incident from this process (else null), and whether anything a window shows changed. */
    record Look(Driver takenBy, boolean changed) {}

    private static boolean sameClaim(Driver a, Driver b) {
        if (a == null || b == null) return a == b;
        return a.seat().equals(b.seat()) && a.since().equals(b.since());
    }
}
