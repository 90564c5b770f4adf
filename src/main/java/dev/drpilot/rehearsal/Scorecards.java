package dev.drpilot.rehearsal;

import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.runbook.Runbook;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A rehearsal's scorecard from the log, with every rehearsal of the same runbook to compare it with. */
public final class Scorecards {

    private Scorecards() {}

    /**
     * Writes the scorecard of a rehearsal, with its comparison across the log's rehearsals of the
     * same runbook, by the file's ending: .html (with a chart), .json, .csv (a row per
     * rehearsal), else Markdown.
     */
    public static void export(IncidentLogStore log, Incident rehearsal, Runbook runbook, Path file) throws IOException {
        if (rehearsal.mode() != IncidentMode.REHEARSAL) {
            throw new IllegalArgumentException(rehearsal.id() + " is a live incident: export its post-mortem instead");
        }
        Scorecard card = Scorecard.of(rehearsal, runbook, log.events(rehearsal.id()));
        List<Scorecard> history = log.incidents().stream()
                .filter(i -> i.mode() == IncidentMode.REHEARSAL && i.runbookId().equals(runbook.id()))
                .map(i -> i.id().equals(rehearsal.id()) ? card : Scorecard.of(i, runbook, log.events(i.id())))
                .toList();
        if (file.toAbsolutePath().getParent() != null)
            Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String name = file.getFileName().toString();
            if (name.endsWith(".html")) ScorecardHtmlWriter.write(card, history, out);
            else if (name.endsWith(".json")) ScorecardDataWriter.writeJson(card, history, out);
            else if (name.endsWith(".csv")) ScorecardDataWriter.writeCsv(history, out);
            else ScorecardWriter.write(card, history, out);
        }
    }
}
