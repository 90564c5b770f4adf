package dev.drpilot.incident;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The log carried to another folder when its own disk is full or failing ({@code drpilot continue},
 * or Continue in another folder in the window): every event it committed is copied as it is, with
 * its hash, so each chain goes on unbroken in the new log, which is named like the old one. The
 * old file is only read. {@code drpilot merge} brings the new events back once the disk has room.
 */
public final class LogContinuation {

    /**
     * The ending of the file beside a log that keeps its laptop id in the team log ({@code
     * teamlog.LaptopId}): it goes along with a continued log, so the log shares under the same id.
     */
    public static final String LAPTOP_ID_ENDING = ".laptop";

    /**
     * What was carried over.
     *
     * @param copied    events copied, by incident
     * @param problems  what the copy found missing or broken (none when the old log was whole)
     * @param unwritten what the failed write could not write, and where it is now; empty when nothing was pending
     * @param laptopIdCopied whether the log's laptop id in the team log went along (it had one: it was shared)
     */
    public record Report(
            Path source,
            Path target,
            Map<String, Integer> copied,
            List<String> problems,
            List<String> unwritten,
            boolean laptopIdCopied) {

        Report withUnwritten(String line) {
            List<String> lines = new ArrayList<>(unwritten);
            lines.add(line);
            return new Report(source, target, copied, problems, List.copyOf(lines), laptopIdCopied);
        }

        /** What the operator reads: what was copied, what was lost or is still to write, and how to go on and merge back. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            int events = copied.values().stream().mapToInt(Integer::intValue).sum();
            lines.add("Continued in " + target + ".mv.db: " + events + (events == 1 ? " event of " : " events of ")
                    + copied.size()
                    + (copied.size() == 1 ? " incident" : " incidents") + " copied from " + source + ".mv.db"
                    + (problems.isEmpty() ? ", every chain intact." : "."));
            lines.addAll(problems);
            lines.addAll(unwritten);
            if (laptopIdCopied) {
                lines.add("Its laptop id went along (" + target + LAPTOP_ID_ENDING
                        + "): the new log shares with the team log as the same laptop.");
            }
            lines.add("Work on with --log " + target + "; once the first disk has room, `drpilot merge --from " + target
                    + " --log " + source + "` brings the new events back.");
            return lines;
        }
    }

    private LogContinuation() {}

    /** Where a log goes on in {@code folder}: the same name as the log, in that folder. */
    public static Path target(Path log, Path folder) {
        return folder.toAbsolutePath().normalize().resolve(log.getFileName().toString());
    }

    /**
     * Copies every committed event of the log at {@code log} into a new log of the same name in
     * {@code folder}, which must hold none yet.
     */
    public static Report into(Path log, Path folder, Clock clock, String actor) {
        Path from = log.toAbsolutePath().normalize();
        Path to = check(from, folder);
        LogSalvage.Report copy = LogSalvage.salvage(from, to, clock, actor);
        List<String> problems = new ArrayList<>();
        for (IncidentLoss loss : copy.losses()) {
            problems.add(loss.sentence() + "; recorded as event "
                    + copy.lossEvents().get(loss.incidentId()) + " of " + loss.incidentId() + " in the new log.");
        }
        problems.addAll(copy.breaks());
        return new Report(from, to, copy.salvaged(), List.copyOf(problems), List.of(), laptopIdCopied(from, to));
    }

    /** Copies the laptop id file beside the log to the new log, when the log has one (it was shared). */
    private static boolean laptopIdCopied(Path from, Path to) {
        Path id = Path.of(from + LAPTOP_ID_ENDING);
        if (!Files.isRegularFile(id)) return false;
        try {
            Files.copy(id, Path.of(to + LAPTOP_ID_ENDING));
            return true;
        } catch (IOException e) {
            throw new IncidentLogUnavailableException(
                    "The log went on in " + to + ".mv.db, but its laptop id " + id + " could not be copied beside it ("
                            + FileErrors.inWords(e) + "): copy it by hand before sharing the new log with a team log.",
                    e);
        }
    }

    /**
     * The new log's path, once it is sure the log can go on in {@code folder}.
     *
     * @throws IncidentLogUnavailableException with one sentence when there is no log, the folder is its own, or a log is there already
     */
    static Path check(Path log, Path folder) {
        Path from = log.toAbsolutePath().normalize();
        Path to = target(from, folder);
        if (!Files.isRegularFile(Path.of(from + ".mv.db"))) {
            throw new IncidentLogUnavailableException(
                    "There is no incident log " + from + ".mv.db to continue: give it with --log PATH.", null);
        }
        if (to.equals(from)) {
            throw new IncidentLogUnavailableException(
                    "Not continued: " + folder + " is the log's own folder; choose a folder on another disk.", null);
        }
        for (String ending : List.of(".mv.db", ".head", LAPTOP_ID_ENDING)) {
            if (Files.exists(Path.of(to + ending))) {
                throw new IncidentLogUnavailableException(
                        "Not continued: " + to + ending + " exists in " + folder
                                + ", and a log is never written over; choose another folder.",
                        null);
            }
        }
        LogOpening.pathInUrl(to);
        return to;
    }
}
