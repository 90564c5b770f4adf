package dev.drpilot.incident;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Brings a log that went on elsewhere ({@link LogContinuation}) back into the log it came from
 * ({@code drpilot merge}): each incident's events that extend the same chain (the same events,
 * hash for hash, then more) are appended as they are, and incidents the other log alone holds are
 * copied whole. Two logs whose incident holds different events at the same place diverged: the
 * merge then changes nothing. Merging again adds nothing.
 */
public final class LogMerge {

    /**
     * What was merged.
     *
     * @param extended the first event added, by incident the main log already held
     * @param copied   events copied, by incident the main log did not hold
     * @param added    events added, by incident
     */
    public record Report(
            Path from, Path into, Map<String, Long> extended, Map<String, Integer> copied, Map<String, Integer> added) {

        public List<String> lines() {
            int events = added.values().stream().mapToInt(Integer::intValue).sum();
            if (events == 0)
                return List.of("Nothing to merge: " + into + ".mv.db already holds every event of " + from + ".mv.db.");
            List<String> parts = new ArrayList<>();
            extended.forEach((id, first) -> parts.add(id + " events " + first + " to " + (first + added.get(id) - 1)));
            copied.forEach(
                    (id, count) -> parts.add(id + " (new here, " + count + (count == 1 ? " event)" : " events)")));
            return List.of(
                    "Merged " + events + (events == 1 ? " event" : " events") + " from " + from + ".mv.db into " + into
                            + ".mv.db: " + String.join(", ", parts) + ".",
                    "Each keeps its hash: `drpilot verify INCIDENT --log " + into + "` checks a chain.");
        }
    }

    private LogMerge() {}

    /**
     * Adds to {@code into} every event of {@code from} it lacks, or nothing.
     *
     * @throws IncidentLogUnavailableException with one sentence when the logs diverged, one of them is broken, or they are one log
     */
    public static Report merge(IncidentLogStore from, IncidentLogStore into) {
        Path source = from.file().toAbsolutePath().normalize();
        Path target = into.file().toAbsolutePath().normalize();
        if (source.equals(target))
            throw refused("--from and --log name the same log, " + target
                    + ".mv.db; name the log that went on elsewhere with --from");
        from.damage().ifPresent(damage -> {
            throw refused(damage.sentence() + "; salvage it first with `drpilot recover --log " + source
                    + " --to NEWPATH` and merge from there");
        });
        List<Incident> rows = new ArrayList<>();
        List<IncidentEvent> events = new ArrayList<>();
        Map<String, Long> extended = new LinkedHashMap<>();
        Map<String, Integer> copied = new LinkedHashMap<>();
        Map<String, Integer> added = new LinkedHashMap<>();
        for (Incident incident : from.incidents()) {
            String id = incident.id();
            List<IncidentEvent> theirs = from.events(id);
            intact(theirs, source, id);
            List<IncidentEvent> ours = into.events(id);
            intact(ours, target, id);
            int common = Math.min(theirs.size(), ours.size());
            for (int i = 0; i < common; i++) {
                if (!theirs.get(i).hash().equals(ours.get(i).hash())) {
                    throw refused("the two logs diverged: event "
                            + theirs.get(i).sequence() + " of " + id + " is " + described(theirs.get(i))
                            + " in " + source + ".mv.db but " + described(ours.get(i)) + " in " + target
                            + ".mv.db, so nothing was changed;"
                            + " keep both logs, and export the incident from each for the post-mortem");
                }
            }
            if (theirs.size() <= ours.size()) continue;
            List<IncidentEvent> more = theirs.subList(ours.size(), theirs.size());
            rows.add(incident);
            events.addAll(more);
            added.put(id, more.size());
            if (ours.isEmpty()) copied.put(id, more.size());
            else extended.put(id, more.getFirst().sequence());
        }
        if (!events.isEmpty()) into.adopt(rows, events);
        return new Report(source, target, extended, copied, added);
    }

    private static void intact(List<IncidentEvent> events, Path log, String id) {
        HashChain.Verification chain = HashChain.verify(events);
        if (!chain.intact()) {
            throw refused(id + "'s chain in " + log + ".mv.db is broken (" + chain.reason()
                    + "), so nothing was changed;" + " `drpilot verify " + id + " --log " + log + "` says more");
        }
    }

    private static String described(IncidentEvent event) {
        String kind = event.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return ("aeio".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind + " written at " + event.time();
    }

    private static IncidentLogUnavailableException refused(String why) {
        return new IncidentLogUnavailableException("Not merged: " + why + ".", null);
    }
}
