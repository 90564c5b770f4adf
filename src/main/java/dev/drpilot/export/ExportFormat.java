package dev.drpilot.export;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What an export writes: the post-mortem in one of its formats, the timeline picture, or a rehearsal's scorecard. */
public enum ExportFormat {
    MARKDOWN("md", "md"),
    HTML("html", "html"),
    JSON("json", "json"),
    CSV("csv", "csv"),
    PNG("png", "png"),
    /** A rehearsal's scorecard, in Markdown unless the file named ends in .html, .json or .csv. */
    SCORECARD("scorecard", "-scorecard.md"),
    /** The same as one HTML file, with the RTO across rehearsals as a chart. */
    SCORECARD_HTML("scorecard (html)", "-scorecard.html"),
    /** The evidence pack of a DR test, to read and print (docs/evidence.md). */
    EVIDENCE_HTML("evidence-html", "-evidence.html"),
    /** The same pack as sealed JSON, which `drpilot verify --file` checks. */
    EVIDENCE_JSON("evidence-json", "-evidence.json");

    /** The post-mortem's formats, as the window offers them and `drpilot export --format` takes them. */
    public static final List<ExportFormat> POSTMORTEM = List.of(MARKDOWN, HTML, JSON, CSV, PNG);

    private final String label;
    private final String ending;

    ExportFormat(String label, String ending) {
        this.label = label;
        this.ending = ending;
    }

    /** Its name on screen and on the command line. */
    public String label() {
        return label;
    }

    public boolean scorecard() {
        return this == SCORECARD || this == SCORECARD_HTML;
    }

    public boolean evidence() {
        return this == EVIDENCE_HTML || this == EVIDENCE_JSON;
    }

    /** The file it is written to in an export folder: INCIDENT.md, INCIDENT-scorecard.md, INCIDENT-evidence.html... */
    public String fileName(String incidentId) {
        return scorecard() || evidence() ? incidentId + ending : incidentId + "." + ending;
    }

    /** The format as the log's EXPORT event names it. */
    String logged() {
        return scorecard() ? "scorecard" : label;
    }

    /** A post-mortem format by the name an operator types ("markdown" too), or empty. */
    public static Optional<ExportFormat> postmortem(String name) {
        String wanted = name.toLowerCase(Locale.ROOT).equals("markdown") ? "md" : name.toLowerCase(Locale.ROOT);
        return POSTMORTEM.stream().filter(f -> f.label.equals(wanted)).findFirst();
    }

    /** An evidence pack's format by the name an operator types (html or json), or empty. */
    public static Optional<ExportFormat> evidence(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "html" -> Optional.of(EVIDENCE_HTML);
            case "json" -> Optional.of(EVIDENCE_JSON);
            default -> Optional.empty();
        };
    }

    /** Any format by its label, as the window lists them. */
    public static ExportFormat labelled(String label) {
        return Arrays.stream(values())
                .filter(f -> f.label.equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no export format '" + label + "'"));
    }
}
