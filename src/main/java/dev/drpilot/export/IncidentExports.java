package dev.drpilot.export;

import dev.drpilot.incident.EventData;
import dev.drpilot.incident.FileErrors;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.rehearsal.Scorecards;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.timeline.EvidencePack;
import dev.drpilot.timeline.EvidenceWriter;
import dev.drpilot.timeline.LogSpool;
import dev.drpilot.timeline.Postmortem;
import dev.drpilot.timeline.PostmortemWriter;
import dev.drpilot.timeline.TeamRoster;
import dev.drpilot.timeline.TimelinePicture;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one way an incident is exported, from the window and from the command line: its post-mortem
 * (Markdown, HTML, JSON, CSV, streamed from the log), the timeline picture, a rehearsal's
 * scorecard, or the evidence pack of a DR test, written to a file, never over one that exists unless told to, and then logged as an
 * EXPORT event (except by a command that only reads the log).
 */
public final class IncidentExports {

    private final IncidentLogStore log;
    private final boolean logged;
    private final TeamRoster team;

    private IncidentExports(IncidentLogStore log, boolean logged, TeamRoster team) {
        this.log = log;
        this.logged = logged;
        this.team = team;
    }

    /** Exports that the log records, each as an EXPORT event after its file is written. */
    public static IncidentExports logged(IncidentLogStore log) {
        return new IncidentExports(log, true, TeamRoster.NONE);
    }

    /** Exports that leave the log as it is, for a command that opened it only to read (scorecard). */
    public static IncidentExports unlogged(IncidentLogStore log) {
        return new IncidentExports(log, false, TeamRoster.NONE);
    }

    /** The same exports, whose post-mortems also say who was on the incident across laptops (read from the team log). */
    public IncidentExports withTeam(TeamRoster roster) {
        return new IncidentExports(log, logged, roster);
    }

    /** The exports folder beside the log, where the command line writes unless told otherwise. */
    public Path folderBesideLog() {
        return log.file().toAbsolutePath().getParent().resolve("exports");
    }

    /** Writes the export into {@code folder} under its format's name (INCIDENT.md, INCIDENT-scorecard.md...). */
    public Exported toFolder(
            String incidentId, Optional<Runbook> runbook, ExportFormat format, Path folder, boolean force) {
        return toFile(incidentId, runbook, format, folder.resolve(format.fileName(incidentId)), force);
    }

    /**
     * Writes the export in each format into {@code folder}, all of them before any is logged, so that
     * every file covers the same events; nothing is written when one of the files may not be.
     *
     * @return what was written, in the formats' order, or the one reason nothing was
     */
    public List<Exported> toFolder(
            String incidentId, Optional<Runbook> runbook, List<ExportFormat> formats, Path folder, boolean force) {
        Map<ExportFormat, Path> files = new LinkedHashMap<>();
        formats.forEach(f -> files.put(f, folder.resolve(f.fileName(incidentId))));
        return toFiles(incidentId, runbook, files, force);
    }

    /**
     * Writes the export to {@code file}: a scorecard in the format its ending names (.html, .json,
     * .csv, else Markdown).
     *
     * @param runbook the incident's runbook, for step titles and targets; a post-mortem is written without it, a scorecard is not
     * @param force   whether to replace a file that exists
     */
    public Exported toFile(
            String incidentId, Optional<Runbook> runbook, ExportFormat format, Path file, boolean force) {
        return toFiles(incidentId, runbook, Map.of(format, file), force).getFirst();
    }

    private List<Exported> toFiles(
            String incidentId, Optional<Runbook> runbook, Map<ExportFormat, Path> files, boolean force) {
        Optional<Incident> found = log.incident(incidentId);
        if (found.isEmpty())
            return refused(
                    "there is no incident " + incidentId + " in " + log.file() + ": `drpilot incidents` lists them");
        Incident incident = found.get();
        for (Map.Entry<ExportFormat, Path> target : files.entrySet()) {
            Optional<Exported.Refused> refused = refusal(incident, runbook, target.getKey(), target.getValue(), force);
            if (refused.isPresent()) return List.of(refused.get());
        }
        for (Map.Entry<ExportFormat, Path> target : files.entrySet()) {
            Path file = target.getValue();
            try {
                write(incident, runbook, target.getKey(), file);
            } catch (IOException e) {
                return refused("cannot write " + file + " (" + FileErrors.inWords(e)
                        + "): name a file in a folder you can write");
            }
        }
        List<Exported> written = new ArrayList<>();
        for (Map.Entry<ExportFormat, Path> target : files.entrySet()) {
            if (logged)
                log.append(
                        incidentId,
                        new EventData.Export(
                                target.getKey().logged(), target.getValue().toString()),
                        null);
            written.add(new Exported.Written(target.getValue()));
        }
        return written;
    }

    private static Optional<Exported.Refused> refusal(
            Incident incident, Optional<Runbook> runbook, ExportFormat format, Path file, boolean force) {
        String incidentId = incident.id();
        if (format.scorecard() && incident.mode() != IncidentMode.REHEARSAL) {
            return Optional.of(
                    new Exported.Refused(incidentId + " is a live incident, not a rehearsal: `drpilot export "
                            + incidentId + "` writes its post-mortem"));
        }
        if (format.scorecard() && runbook.isEmpty()) {
            return Optional.of(
                    new Exported.Refused(
                            "the runbook of " + incidentId + " (" + incident.runbookId() + ") is not known here,"
                                    + " and a scorecard needs its steps and targets: point --runbooks at the folder that holds it"));
        }
        Optional<Exported.Refused> taken = refusedOver(file, force);
        if (taken.isPresent()) return taken;
        Path folder = file.toAbsolutePath().getParent();
        try {
            if (folder != null) Files.createDirectories(folder);
        } catch (IOException e) {
            return Optional.of(new Exported.Refused("cannot make the folder of " + file + " (" + FileErrors.inWords(e)
                    + "): name a file in a folder you can write"));
        }
        return Optional.empty();
    }

    private static List<Exported> refused(String reason) {
        return List.of(new Exported.Refused(reason));
    }

    /** Why an export would not be written to {@code file}: it exists and may not be replaced. */
    public static Optional<Exported.Refused> refusedOver(Path file, boolean force) {
        if (Files.exists(file) && !force)
            return Optional.of(
                    new Exported.Refused(file + " exists already: add --force to replace it, or name another file"));
        return Optional.empty();
    }

    private void write(Incident incident, Optional<Runbook> runbook, ExportFormat format, Path file)
            throws IOException {
        if (format.scorecard()) {
            Scorecards.export(log, incident, runbook.orElseThrow(), file);
            return;
        }
        try (LogSpool events = LogSpool.of(log, incident.id())) {
            write(Postmortem.of(incident, runbook, events).withTeam(team), runbook, format, file);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The post-mortem's formats read the log once: the passes after the first read its events from the spool. */
    private static void write(Postmortem postmortem, Optional<Runbook> runbook, ExportFormat format, Path file)
            throws IOException {
        if (format.evidence()) {
            EvidencePack pack = EvidencePack.of(postmortem, runbook, Instant.now());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                EvidenceWriter.forFormat(format == ExportFormat.EVIDENCE_HTML ? "html" : "json")
                        .write(pack, out);
            }
        } else if (format == ExportFormat.PNG) {
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
