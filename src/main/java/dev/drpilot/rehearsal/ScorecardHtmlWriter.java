package dev.drpilot.rehearsal;

import dev.drpilot.runbook.Durations;
import dev.drpilot.runbook.TimeTarget;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rehearsal's scorecard as one self-contained HTML file: the figures against their targets, and
 * the same exercise across rehearsals as a table and a bar chart (inline SVG) of the RTO with its
 * target drawn across, so a team sees whether it gets faster.
 */
public final class ScorecardHtmlWriter {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f2328;max-width:60rem;margin:2rem auto;padding:0 1rem}
            h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
            table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #e6e8eb}
            th{background:#f6f8fa;font-weight:600}.met{color:#1a7f37;font-weight:600}.missed,.not{color:#cf222e;font-weight:600}.muted{color:#57606a}
            tr.this td{background:#f0f6ff}
            @media print{body{margin:0;max-width:none;font-size:11px}}
            """;
    private static final int BAR_AREA = 560;

    private ScorecardHtmlWriter() {}

    /** @param history every rehearsal of the same runbook, this one included, in any order */
    public static void write(Scorecard card, List<Scorecard> history, Writer out) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Scorecard "
                + esc(card.incident().id()) + "</title>\n<style>" + STYLE + "</style></head><body>\n");
        out.write("<h1>Rehearsal scorecard: " + esc(card.runbookTitle()) + "</h1>\n<p class=\"muted\">Rehearsal "
                + esc(card.incident().id())
                + ", started " + DAY.format(card.incident().declaredAt())
                + (card.incident().commander() == null
                        ? ""
                        : ", commander " + esc(card.incident().commander())) + "</p>\n");
        out.write("<table><tr><th>Measure</th><th>Achieved</th><th>Target</th><th>Verdict</th></tr>\n");
        row(out, "RTO (time to recover)", human(card.rto()), target(card.rtoTarget()), card.rtoVerdict());
        row(out, "RPO (data lost)", human(card.rpo()), target(card.rpoTarget()), card.rpoVerdict());
        row(out, "Time to first action", human(card.timeToFirstAction()), "", "");
        for (Scorecard.PhaseResult phase : card.phases()) {
            row(
                    out,
                    "Phase: " + phase.phase().label(),
                    human(phase.doneAfter()),
                    "within " + Durations.human(phase.window()),
                    phase.verdict());
        }
        out.write("</table>\n<h2>Steps retried or skipped</h2>\n<ul>\n");
        if (card.retried().isEmpty() && card.skipped().isEmpty()) out.write("<li>None.</li>\n");
        for (Map.Entry<String, Integer> retried : card.retried().entrySet()) {
            out.write("<li>" + esc(retried.getKey()) + ": retried " + retried.getValue()
                    + (retried.getValue() == 1 ? " time" : " times") + "</li>\n");
        }
        for (Map.Entry<String, String> skipped : card.skipped().entrySet()) {
            out.write("<li>" + esc(skipped.getKey()) + ": skipped (" + esc(skipped.getValue()) + ")</li>\n");
        }
        out.write(
                "</ul>\n<h2>Injects and reactions</h2>\n<table><tr><th>At</th><th>Inject</th><th>Team reacted after</th></tr>\n");
        for (Scorecard.InjectReaction inject : card.injects()) {
            out.write("<tr><td>T+" + Durations.human(inject.at()) + "</td><td>" + esc(inject.text()) + "</td><td>"
                    + (inject.reaction() == null ? "no move after it" : Durations.human(inject.reaction()))
                    + "</td></tr>\n");
        }
        out.write("</table>\n");
        writeHistory(card, history, out);
        out.write("</body></html>\n");
    }

    private static void writeHistory(Scorecard card, List<Scorecard> history, Writer out) throws IOException {
        List<Scorecard> runs = new ArrayList<>(history);
        runs.sort((a, b) -> a.incident().declaredAt().compareTo(b.incident().declaredAt()));
        out.write(
                "<h2>This exercise across rehearsals</h2>\n<table><tr><th>Rehearsal</th><th>Started</th><th>RTO</th><th>RPO</th>"
                        + "<th>First action</th><th>Retries</th><th>Skips</th></tr>\n");
        for (Scorecard run : runs) {
            boolean self = run.incident().id().equals(card.incident().id());
            out.write("<tr" + (self ? " class=\"this\"" : "") + "><td>"
                    + esc(run.incident().id()) + (self ? " (this one)" : "") + "</td><td>"
                    + DAY.format(run.incident().declaredAt()) + "</td><td>" + human(run.rto()) + "</td><td>"
                    + human(run.rpo()) + "</td><td>"
                    + human(run.timeToFirstAction()) + "</td><td>"
                    + run.retried().values().stream()
                            .mapToInt(Integer::intValue)
                            .sum()
                    + "</td><td>" + run.skipped().size() + "</td></tr>\n");
        }
        out.write("</table>\n");
        long target = card.rtoTarget() == null || card.rtoTarget().isNone()
                ? 0
                : card.rtoTarget().atMost().toSeconds();
        long scale = Math.max(
                1,
                Math.max(
                        target,
                        runs.stream()
                                .filter(r -> r.rto() != null)
                                .mapToLong(r -> r.rto().toSeconds())
                                .max()
                                .orElse(0)));
        int rowHeight = 26;
        int height = runs.size() * rowHeight + 30;
        out.write("<svg role=\"img\" aria-label=\"RTO per rehearsal\" width=\"780\" height=\"" + height
                + "\" viewBox=\"0 0 780 " + height + "\" font-family=\"system-ui,sans-serif\" font-size=\"12\">\n");
        for (int i = 0; i < runs.size(); i++) {
            Scorecard run = runs.get(i);
            int y = 10 + i * rowHeight;
            int width = run.rto() == null ? 0 : (int) Math.round(run.rto().toSeconds() * (double) BAR_AREA / scale);
            boolean met = "met".equals(run.rtoVerdict());
            out.write("<text x=\"0\" y=\"" + (y + 14) + "\">"
                    + esc(DAY.format(run.incident().declaredAt())) + "</text>");
            out.write("<rect x=\"140\" y=\"" + y + "\" width=\"" + width + "\" height=\"18\" fill=\""
                    + (met ? "#2da44e" : "#cf222e") + "\"/>");
            out.write("<text x=\"" + (146 + width) + "\" y=\"" + (y + 14) + "\">" + human(run.rto()) + "</text>\n");
        }
        if (target > 0) {
            int x = 140 + (int) Math.round(target * (double) BAR_AREA / scale);
            out.write("<line x1=\"" + x + "\" y1=\"4\" x2=\"" + x + "\" y2=\"" + (height - 18)
                    + "\" stroke=\"#1f2328\" stroke-dasharray=\"4 3\"/>"
                    + "<text x=\"" + x + "\" y=\"" + (height - 4) + "\" text-anchor=\"middle\">RTO target "
                    + Durations.human(card.rtoTarget().atMost())
                    + "</text>\n");
        }
        out.write("</svg>\n");
    }

    private static void row(Writer out, String measure, String achieved, String target, String verdict)
            throws IOException {
        String css = verdict.equals("met")
                ? "met"
                : verdict.equals("missed") ? "missed" : verdict.startsWith("not") ? "not" : "muted";
        out.write("<tr><td>" + measure + "</td><td>" + achieved + "</td><td>" + esc(target) + "</td><td class=\"" + css
                + "\">" + verdict + "</td></tr>\n");
    }

    private static String target(TimeTarget target) {
        return target == null || target.isNone() ? "" : target.label();
    }

    private static String human(Duration d) {
        return d == null ? "n/a" : Durations.human(d);
    }

    private static String esc(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }
}
