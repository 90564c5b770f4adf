package dev.drpilot.incident;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A write the log could not make, said the moment it fails: what was not written, why (a full
 * disk above all), and what to do. Every event acknowledged before it is in the log.
 */
final class LogWriteFailure {

    private static final long ALMOST_NOTHING = 64 * 1024;

    private LogWriteFailure() {}

    /** "the note "pager fired" for INC-..." or "the step failed event of step restore for INC-...". */
    static String what(String incidentId, EventDraft draft) {
        String label = draft.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (draft.data() instanceof EventData.Said said && said.text() != null) {
            String text = said.text();
            return "the " + label + " \"" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "\" for "
                    + incidentId;
        }
        return "the " + label + " event" + (draft.stepId() == null ? "" : " of step " + draft.stepId()) + " for "
                + incidentId;
    }

    static IncidentLogUnavailableException notWritten(Path database, String what, Exception e) {
        String again = diskFull(database, e) || brokeTheFile(e) ? ", then write it again." : ".";
        return new IncidentLogUnavailableException(
                "Not written to the incident log: " + what + ". " + cause(database, e) + again
                        + " Every event acknowledged before this one is in the log.",
                e);
    }

    /**
     * The commit reached the file (H2 writes it before it returns) but syncing it to disk failed:
     * the event is there unless the machine loses power before the system writes its cache out.
     */
    static IncidentLogUnavailableException notSynced(Path database, IncidentEvent event, String what, Exception e) {
        return new IncidentLogUnavailableException(
                "Written to the incident log as event " + event.sequence() + " of " + event.incidentId()
                        + " but not synced to disk: " + what + ". " + cause(database, e) + "."
                        + " It stays in the log unless the machine loses power first; every event acknowledged before it is on disk.",
                e);
    }

    /** The event is in the database (it must not be written again), but the head file that would show its loss could not be updated. */
    static IncidentLogUnavailableException headNotWritten(
            Path database, Path head, IncidentEvent event, IOException e) {
        String why = diskFull(database, e)
                ? ": the disk holding it is full. Free some space on it;"
                : " (" + rootMessage(e) + "): check the disk;";
        return new IncidentLogUnavailableException(
                "Written to the incident log as event " + event.sequence() + " of " + event.incidentId()
                        + ", but its head file " + head + " could not be updated" + why
                        + " the next event written brings the head file up to date"
                        + " (until then, a loss of this event would go unseen).",
                e);
    }

    /** After a failed write, H2 has closed the database: later writes say why, not "the database has been closed". */
    static IncidentLogUnavailableException stillStopped(String what, IncidentLogUnavailableException first) {
        return new IncidentLogUnavailableException(
                "Not written to the incident log: " + what + ". It stopped taking writes after an"
                        + " earlier failure; restart DR Pilot once that is fixed, or go on in another folder. The failure was: "
                        + first.getMessage(),
                first);
    }

    /** Opening the log failed because its disk is full (H2 writes a lock file first): what to do; null when that was not why. */
    static String fullWhenOpened(Path database, Exception e) {
        if (!diskFull(database, e)) return null;
        String log = database.toString().substring(0, database.toString().length() - ".mv.db".length());
        return "Cannot open the incident log " + database
                + ": the disk holding it is full. Free some space on it, or go on in a folder"
                + " on another disk with `drpilot continue --log " + log
                + " --to FOLDER` and work on with --log in that folder.";
    }

    /** Why, and what to do about it, without the closing full stop. */
    private static String cause(Path database, Exception e) {
        if (diskFull(database, e))
            return "The disk holding " + database + " is full: free some space on it, or " + elsewhere(database);
        if (brokeTheFile(e))
            return "Writing " + database + " failed (" + rootMessage(e) + "): check the disk, or "
                    + elsewhere(database);
        return "The database refused it (" + rootMessage(e) + ")";
    }

    /** The way on when the log's own disk cannot take it: the same log, continued on another ({@link LogContinuation}). */
    private static String elsewhere(Path database) {
        String name = database.toString();
        return "go on in a folder on another disk (`drpilot continue --log "
                + name.substring(0, name.length() - ".mv.db".length())
                + " --to FOLDER`, or Continue in another folder in the window)";
    }

    /** A failure of the file (not a refusal of the row): H2 closes the database after it, and takes no more writes. */
    static boolean brokeTheFile(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || String.valueOf(t.getMessage()).contains("has been closed")) return true;
        }
        return false;
    }

    private static boolean diskFull(Path database, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("no space left")
                    || message.contains("not enough space")
                    || message.contains("disk full")) return true;
        }
        try {
            return Files.getFileStore(database.toAbsolutePath().getParent()).getUsableSpace() < ALMOST_NOTHING;
        } catch (IOException unknown) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
