package dev.drpilot.ui;

import dev.drpilot.export.ExportFormat;
import dev.drpilot.export.Exported;
import dev.drpilot.export.IncidentExports;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.runbook.Runbook;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The export at the bottom of an incident's screen: the formats offered (a rehearsal's scorecard
 * first, the post-mortem's, the evidence pack of the test in HTML and JSON), the one chosen, and the file written off the screen's thread into the export folder by
 * {@link IncidentExports} (which logs it), then opened; or why it was not written. A file of the
 * same name is replaced: the window exports the incident as it stands now.
 */
final class ExportModel {

    private final IncidentExports exports;
    private final String incidentId;
    private final Optional<Runbook> runbook;
    private final Path folder;
    private final TaskRunner tasks;
    private final Consumer<Path> open;
    private final List<String> formats = new ArrayList<>(Stream.concat(
                    ExportFormat.POSTMORTEM.stream(), Stream.of(ExportFormat.EVIDENCE_HTML, ExportFormat.EVIDENCE_JSON))
            .map(ExportFormat::label)
            .toList());
    private final ObjectProperty<String> format = new SimpleObjectProperty<>(ExportFormat.MARKDOWN.label());
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper writing = new ReadOnlyBooleanWrapper();

    ExportModel(
            IncidentExports exports,
            String incidentId,
            Optional<Runbook> runbook,
            Path folder,
            IncidentMode mode,
            TaskRunner tasks,
            Consumer<Path> open) {
        this.exports = exports;
        this.incidentId = incidentId;
        this.runbook = runbook;
        this.folder = folder;
        this.tasks = tasks;
        this.open = open;
        if (mode == IncidentMode.REHEARSAL && runbook.isPresent()) {
            formats.addAll(0, List.of(ExportFormat.SCORECARD.label(), ExportFormat.SCORECARD_HTML.label()));
            format.set(ExportFormat.SCORECARD.label());
        }
    }

    List<String> formats() {
        return formats;
    }

    ObjectProperty<String> format() {
        return format;
    }

    /** A format as the list shows it: "md", "scorecard", "Evidence pack (HTML)". */
    static String shown(String label) {
        return switch (ExportFormat.labelled(label)) {
            case EVIDENCE_HTML -> "Evidence pack (HTML)";
            case EVIDENCE_JSON -> "Evidence pack (JSON)";
            default -> label;
        };
    }

    /** What the export button says for the format chosen. */
    String buttonText() {
        if (ExportFormat.labelled(format.get()).evidence()) return "Export evidence pack";
        return offersScorecard() ? "Export" : "Export post-mortem";
    }

    /** Whether a scorecard is offered first: the button then says "Export", not "Export post-mortem". */
    boolean offersScorecard() {
        return formats.getFirst().equals(ExportFormat.SCORECARD.label());
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
        ExportFormat chosen = ExportFormat.labelled(format.get());
        writing.set(true);
        result.set("Writing...");
        tasks.run(
                () -> exports.toFolder(incidentId, runbook, chosen, folder, true),
                exported -> {
                    writing.set(false);
                    switch (exported) {
                        case Exported.Written written -> {
                            result.set("Wrote " + written.file());
                            open.accept(written.file());
                        }
                        case Exported.Refused refused -> result.set("Not written: " + refused.reason());
                    }
                },
                problem -> {
                    writing.set(false);
                    result.set("Not written: " + problem);
                });
    }
}
