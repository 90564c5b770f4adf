package dev.drpilot.export;

import dev.drpilot.incident.EventData;
import dev.drpilot.incident.FileErrors;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.rehearsal.Scorecards;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.timeline.Postmortem;
import dev.drpilot.timeline.PostmortemWriter;
import dev.drpilot.timeline.TimelinePicture;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one way an incident is exported, from the window and from the command line: its post-mortem
 * (Markdown, HTML, JSON, CSV, streamed from the log), the timeline picture, or a rehearsal's
 * scorecard, written to a file, never over one that exists unless told to, and then logged as an
 * EXPORT event (except by a command that only reads the log).
 */
public final class IncidentExports {

    private final IncidentLogStore log;
    private final boolean logged;

    private IncidentExports(IncidentLogStore log, boolean logged) {
        this.log = log;
        this.logged = logged;
    }

    /** Exports that the log records, each as an EXPORT event after its file is written. */
    public static IncidentExports logged(IncidentLogStore log) {
        return new IncidentExports(log, true);
    }

    /** Exports that leave the log as it is, for a command that opened it only to read (scorecard). */
    public static IncidentExports unlogged(IncidentLogStore log) {
        return new IncidentExports(log, false);
    }

    /** The exports folder beside the log, where the command line writes unless told otherwise. */
    public Path folderBesideLog() {
        return log.file().toAbsolutePath().getParent().resolve("exports");
    }

    /** Writes the export into {@code folder} under its format's name (INCIDENT.md, INCIDENT-scorecard.md...). */
    public Exported toFolder(String incidentId, Optional<Runbook> runbook, ExportFormat format, Path folder, boolean force) {
        return toFile(incidentId, runbook, format, folder.resolve(format.fileName(incidentId)), force);
    }

    /**
     * Writes the export to {@code file}: a scorecard in the format its ending names (.html, .json,
     * .csv, else Markdown).
     *
     * @param runbook the incident's runbook, for step titles and targets; a post-mortem is written without it, a scorecard is not
     * @param force   whether to replace a file that exists
     */
    public Exported toFile(String incidentId, Optional<Runbook> runbook, ExportFormat format, Path file, boolean force) {
        Optional<Incident> found = log.incident(incidentId);
        if (found.isEmpty()) return new Exported.Refused("there is no incident " + incidentId + " in " + log.file() + ": `drpilot incidents` lists them");
        Incident incident = found.get();
        if (format.scorecard() && incident.mode() != IncidentMode.REHEARSAL) {
            return new Exported.Refused(incidentId + " is a live incident, not a rehearsal: `drpilot export " + incidentId + "` writes its post-mortem");
        }
        if (format.scorecard() && runbook.isEmpty()) {
            return new Exported.Refused("the runbook of " + incidentId + " (" + incident.runbookId() + ") is not known here,"
                    + " and a scorecard needs its steps and targets: point --runbooks at the folder that holds it");
        }
        if (Files.exists(file) && !force) return new Exported.Refused(file + " exists already: add --force to replace it, or name another file");
        Path folder = file.toAbsolutePath().getParent();
        try {
            if (folder != null) Files.createDirectories(folder);
        } catch (IOException e) {
            return new Exported.Refused("cannot make the folder of " + file + " (" + FileErrors.inWords(e) + "): name a file in a folder you can write");
        }
        try {
            write(incident, runbook, format, file);
        } catch (IOException e) {
            return new Exported.Refused("cannot write " + file + " (" + FileErrors.inWords(e) + "): name a file in a folder you can write");
        }
        if (logged) log.append(incidentId, new EventData.Export(format.logged(), file.toString()), null);
        return new Exported.Written(file);
    }

    private void write(Incident incident, Optional<Runbook> runbook, ExportFormat format, Path file) throws IOException {
        if (format.scorecard()) {
            Scorecards.export(log, incident, runbook.orElseThrow(), file);
            return;
        }
        Postmortem postmortem = Postmortem.fromLog(log, incident, runbook);
        if (format == ExportFormat.PNG) {
            try (OutputStream out = Files.newOutputStream(file)) {
                TimelinePicture.write(postmortem, runbook, out);
            }
        } else {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                PostmortemWriter.forFormat(format.label()).write(postmortem, out);
            }
        }
    }
}
