package dev.drpilot.ui;

import dev.drpilot.incident.EventData;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.rehearsal.Scorecards;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.timeline.Postmortem;
import dev.drpilot.timeline.PostmortemWriter;
import dev.drpilot.timeline.TimelinePicture;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The export at the bottom of an incident's screen: the formats offered (a rehearsal's scorecard
 * first), the one chosen, and the file written off the screen's thread into the export folder,
 * logged, then opened; or why it was not written.
 */
final class ExportModel {

    /** A rehearsal's scorecard (Markdown), offered first for rehearsals. */
    static final String SCORECARD = "scorecard";
    /** The same as one HTML file, with the RTO across rehearsals as a chart. */
    static final String SCORECARD_HTML = "scorecard (html)";

    private final IncidentLogStore log;
    private final String incidentId;
    private final Optional<Runbook> runbook;
    private final Path folder;
    private final TaskRunner tasks;
    private final Consumer<Path> open;
    private final List<String> formats = new ArrayList<>(List.of("md", "html", "json", "csv", "png"));
    private final ObjectProperty<String> format = new SimpleObjectProperty<>("md");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper writing = new ReadOnlyBooleanWrapper();

    ExportModel(IncidentLogStore log, String incidentId, Optional<Runbook> runbook, Path folder, IncidentMode mode, TaskRunner tasks,
                Consumer<Path> open) {
        this.log = log;
        this.incidentId = incidentId;
        this.runbook = runbook;
        this.folder = folder;
        this.tasks = tasks;
        this.open = open;
        if (mode == IncidentMode.REHEARSAL && runbook.isPresent()) {
            formats.addAll(0, List.of(SCORECARD, SCORECARD_HTML));
            format.set(SCORECARD);
        }
    }

    List<String> formats() {
        return formats;
    }

    ObjectProperty<String> format() {
        return format;
    }

    /** Whether a scorecard is offered first: the button then says "Export", not "Export post-mortem". */
    boolean offersScorecard() {
        return formats.getFirst().equals(SCORECARD);
    }

    /** Where the last export went, or why it was not written. */
    ReadOnlyStringProperty result() {
        return result.getReadOnlyProperty();
    }

    /** While a file is being written (one at a time). */
    ReadOnlyBooleanProperty writing() {
        return writing.getReadOnlyProperty();
    }

    void export() {
        if (writing.get()) return;
        String chosen = format.get();
        writing.set(true);
        result.set("Writing...");
        tasks.run(() -> write(log, incidentId, runbook, folder, chosen), file -> {
            writing.set(false);
            result.set("Wrote " + file);
            open.accept(file);
        }, problem -> {
            writing.set(false);
            result.set("Not written: " + problem);
        });
    }

    private static Path write(IncidentLogStore log, String incidentId, Optional<Runbook> runbook, Path folder, String chosen) {
        Path file = folder.resolve(chosen.equals(SCORECARD) ? incidentId + "-scorecard.md"
                : chosen.equals(SCORECARD_HTML) ? incidentId + "-scorecard.html" : incidentId + "." + chosen);
        try {
            Files.createDirectories(folder);
            if (chosen.equals(SCORECARD) || chosen.equals(SCORECARD_HTML)) {
                Scorecards.export(log, log.incident(incidentId).orElseThrow(), runbook.orElseThrow(), file);
                log.append(incidentId, new EventData.Export("scorecard", file.toString()), null);
                return file;
            }
            Postmortem postmortem = Postmortem.of(log.incident(incidentId).orElseThrow(), runbook, log.events(incidentId));
            if (chosen.equals("png")) {
                try (OutputStream out = Files.newOutputStream(file)) {
                    TimelinePicture.write(postmortem, runbook, out);
                }
            } else {
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    PostmortemWriter.forFormat(chosen).write(postmortem, out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        log.append(incidentId, new EventData.Export(chosen, file.toString()), null);
        return file;
    }
}
