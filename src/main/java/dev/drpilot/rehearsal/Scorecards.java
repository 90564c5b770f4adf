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

    private Scorecards() {
    }

    /**
     * Writes the scorecard of a rehearsal, with its comparison across the log's rehearsals of the
     * same runbook: HTML (with a chart) when the file ends in .html, else Markdown.
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
        if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            if (file.getFileName().toString().endsWith(".html")) ScorecardHtmlWriter.write(card, history, out);
            else ScorecardWriter.write(card, history, out);
        }
    }
}
