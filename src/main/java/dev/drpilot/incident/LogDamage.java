package dev.drpilot.incident;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What opening a log found: the database holds fewer events than its head file says (or other
 * ones). Such a log is copied aside first, then opened read-only: nothing is appended to it.
 *
 * @param log  the log's path, without its {@code .mv.db} ending
 * @param copy where the damaged file was copied before anything else happened
 */
public record LogDamage(Path log, List<IncidentLoss> losses, Path copy) {

    public LogDamage {
        losses = List.copyOf(losses);
    }

    /** What is wrong and what to do, in one paragraph for the screen or the terminal. */
    public String sentence() {
        return "The incident log " + log + ".mv.db is damaged: "
                + losses.stream().map(IncidentLoss::sentence).collect(Collectors.joining("; ")) + ". It was copied to "
                + copy
                + " and is open read-only: nothing is written to it. `drpilot recover --log " + log
                + " --to NEWPATH` salvages every readable event into a new log, with the loss recorded there.";
    }

    /** Why a write is refused: what was not written, and the damage. */
    String refusal(String what) {
        return "Not written: " + what + ". " + sentence();
    }

    /** An incident's chain as the damaged file holds it: broken where the incident lost events, else checked. */
    HashChain.Verification verify(String incidentId, List<IncidentEvent> events) {
        return lossOf(incidentId)
                .map(loss -> new HashChain.Verification(
                        false,
                        events.size(),
                        loss.first(),
                        loss.sentence()
                                + " (the log file is damaged; `drpilot recover` salvages what is left into a new log)"))
                .orElseGet(() -> HashChain.verify(events));
    }

    /** The first loss of one incident, if it has any. */
    public Optional<IncidentLoss> lossOf(String incidentId) {
        return losses.stream().filter(l -> l.incidentId().equals(incidentId)).findFirst();
    }
}
