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
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * Writes the incident's post-mortem (Markdown, HTML, JSON, CSV, or the timeline as a PNG picture;
 * a rehearsal's scorecard) into the export folder, off the FX thread, says where, and opens it.
 */
final class ExportPane {

    /** A rehearsal's scorecard (Markdown), offered first for rehearsals. */
    static final String SCORECARD = "scorecard";
    /** The same as one HTML file, with the RTO across rehearsals as a chart. */
    static final String SCORECARD_HTML = "scorecard (html)";

    private final HBox root = new HBox(12);
    private final ChoiceBox<String> format = new ChoiceBox<>(FXCollections.observableArrayList("md", "html", "json", "csv", "png"));
    private final Label result = new Label();
    private final Button export = new Button("Export post-mortem");

    ExportPane(IncidentLogStore log, String incidentId, Optional<Runbook> runbook, Path folder, IncidentMode mode,
               java.util.function.Consumer<Path> open) {
        format.setId("export-format");
        format.setValue("md");
        if (mode == IncidentMode.REHEARSAL && runbook.isPresent()) {
            format.getItems().addFirst(SCORECARD_HTML);
            format.getItems().addFirst(SCORECARD);
            format.setValue(SCORECARD);
            export.setText("Export");
        }
        export.setId("export-button");
        result.setId("export-result");
        result.getStyleClass().add("text-muted");
        export.setOnAction(e -> {
            String chosen = format.getValue();
            export.setDisable(true);
            result.setText("Writing...");
            Background.run(() -> write(log, incidentId, runbook, folder, chosen), file -> {
                export.setDisable(false);
                result.setText("Wrote " + file);
                open.accept(file);
            }, problem -> {
                export.setDisable(false);
                result.setText("Not written: " + problem);
            });
        });
        root.getChildren().addAll(new Label("Post-mortem:"), format, export, result);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(8, 16, 8, 16));
        root.setId("export-pane");
    }

    Parent root() {
        return root;
    }

    void fire() {
        export.fire();
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
