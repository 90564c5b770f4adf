package dev.drpilot.teamlog;

import dev.drpilot.incident.HashChain;
import dev.drpilot.incident.IncidentEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The check of an incident in the team log: every laptop's hash chain, each read in the merged
 * order, which must also keep each laptop's own order.
 */
public record TeamLogVerification(String incidentId, List<WriterChain> writers) {

    /**
     * One laptop's events of the incident, checked as its own log would check them.
     *
     * @param problem what is wrong with it, in words ("event 3 is out of order: ..."), or null when intact
     */
    public record WriterChain(Writer writer, HashChain.Verification chain, String problem) {}

    /** Checks the incident's events of every laptop, given in merged order. */
    static TeamLogVerification of(String incidentId, List<TeamEvent> inMergedOrder) {
        Map<String, List<IncidentEvent>> byLaptop = new LinkedHashMap<>();
        Map<String, Writer> writers = new LinkedHashMap<>();
        for (TeamEvent e : inMergedOrder) {
            byLaptop.computeIfAbsent(e.writer().laptop(), l -> new ArrayList<>())
                    .add(e.event());
            writers.putIfAbsent(e.writer().laptop(), e.writer());
        }
        List<WriterChain> chains = new ArrayList<>();
        byLaptop.forEach((laptop, events) -> {
            HashChain.Verification chain = HashChain.verify(events);
            chains.add(new WriterChain(writers.get(laptop), chain, chain.intact() ? null : problem(chain, events)));
        });
        return new TeamLogVerification(incidentId, chains);
    }

    /**
     * The chain's reason, except for an event that is not where the laptop's order puts it: when it
     * is there, later in the merged order, it is out of order rather than missing.
     */
    private static String problem(HashChain.Verification chain, List<IncidentEvent> inMergedOrder) {
        long expected = chain.firstBrokenSequence();
        int at = chain.checked();
        IncidentEvent found = inMergedOrder.get(at);
        if (found.sequence() == expected) return chain.reason();
        boolean later = inMergedOrder.stream().anyMatch(e -> e.sequence() == expected);
        return later
                ? "event " + expected + " is out of order: it comes after event " + found.sequence()
                        + " in the merged order"
                : "event " + expected + " is missing (event " + found.sequence() + " comes next)";
    }

    public boolean intact() {
        return writers.stream().allMatch(w -> w.chain().intact());
    }

    /** "INC-1: 2 writers, 41 events, intact", or each broken chain's laptop and first event that does not fit. */
    public String sentence() {
        int events = writers.stream().mapToInt(w -> w.chain().checked()).sum();
        List<String> broken = writers.stream()
                .filter(w -> !w.chain().intact())
                .map(w -> "the chain of " + w.writer().label() + " is broken: " + w.problem())
                .toList();
        return broken.isEmpty()
                ? incidentId + ": " + writers.size() + (writers.size() == 1 ? " writer, " : " writers, ") + events
                        + " events, intact"
                : incidentId + ": " + String.join("; ", broken);
    }
}
