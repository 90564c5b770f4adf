package dev.drpilot.teamlog;

import dev.drpilot.incident.HashChain;
import java.util.List;

/**
 * The check of an incident in the team log: every laptop's hash chain, each read in the merged
 * order, which must also keep each laptop's own order.
 */
public record TeamLogVerification(String incidentId, List<WriterChain> writers) {

    /** One laptop's events of the incident, checked as its own log would check them. */
    public record WriterChain(Writer writer, HashChain.Verification chain) {}

    public boolean intact() {
        return writers.stream().allMatch(w -> w.chain().intact());
    }

    /** "INC-1: 2 writers, 41 events, intact" or the first broken chain's reason. */
    public String sentence() {
        int events = writers.stream().mapToInt(w -> w.chain().checked()).sum();
        return writers.stream()
                .filter(w -> !w.chain().intact())
                .findFirst()
                .map(w -> incidentId + ": the chain of " + w.writer().label() + " is broken: "
                        + w.chain().reason())
                .orElse(incidentId + ": " + writers.size() + (writers.size() == 1 ? " writer, " : " writers, ") + events
                        + " events, intact");
    }
}
