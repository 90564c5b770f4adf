package dev.drpilot.timeline;

import dev.drpilot.incident.EventKind;
import java.io.IOException;
import java.io.Writer;

/** The post-mortem as one self-contained HTML file that reads well on screen and on paper. */
public final class PostmortemHtmlWriter implements PostmortemWriter {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f2328;max-width:60rem;margin:2rem auto;padding:0 1rem}
            h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
            table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #e6e8eb}
            th{background:#f6f8fa;font-weight:600}td.t{white-space:nowrap;font-variant-numeric:tabular-nums}
            .met{color:#1a7f37;font-weight:600}.missed{color:#cf222e;font-weight:600}.unknown{color:#57606a}
            tr.STEP_FAILED td,tr.CLOCK_BREACH td,tr.STEP_INTERRUPTED td{background:#fff1f0}tr.DECISION td{background:#f0f6ff}
            tr.STEP_SUCCEEDED td.e{color:#1a7f37}.later{color:#9a6700;font-size:.85em}.muted{color:#57606a}
            @media print{body{margin:0;max-width:none;font-size:11px}tr{page-break-inside:avoid}h2{page-break-after:avoid}}
            """;

    @Override
    public String extension() {
        return "html";
    }

    @Override
    public void write(Postmortem pm, Writer out) throws IOException {
        var i = pm.incident();
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Post-mortem " + esc(i.id())
                + "</title>\n<style>" + STYLE + "</style></head><body>\n");
        out.write("<h1>Post-mortem: " + esc(pm.runbookTitle()) + "</h1>\n<p class=\"muted\">Incident " + esc(i.id())
                + " &middot; "
                + i.mode().name().toLowerCase() + (i.severity() == null ? "" : " &middot; " + esc(i.severity()))
                + (i.commander() == null ? "" : " &middot; commander " + esc(i.commander())) + "</p>\n");

        out.write("<table>\n");
        row(out, "Runbook", i.runbookId() + ", " + pm.runbookVersionsText());
        if (i.failureStartedAt() != null)
            row(out, "Failure began", PostmortemMarkdownWriter.time(i.failureStartedAt()));
        row(out, "Declared", PostmortemMarkdownWriter.time(i.declaredAt()));
        row(
                out,
                "First action",
                pm.firstActionAt() == null ? "none" : PostmortemMarkdownWriter.time(pm.firstActionAt()));
        row(out, "Recovered", pm.recoveredAt() == null ? "not yet" : PostmortemMarkdownWriter.time(pm.recoveredAt()));
        row(out, "Log integrity", PostmortemMarkdownWriter.integrity(pm));
        out.write("</table>\n");

        if (pm.targets() != null) {
            out.write(
                    "<h2>Recovery objectives</h2>\n<table><tr><th></th><th>target</th><th>achieved</th><th></th></tr>\n");
            objective(
                    out,
                    "RTO",
                    pm.targets().rto().label(),
                    pm.rtoAchieved(),
                    Postmortem.verdict(pm.rtoAchieved(), pm.targets().rto()));
            objective(
                    out,
                    "RPO",
                    pm.targets().rpo().label(),
                    pm.rpoAchieved(),
                    Postmortem.verdict(pm.rpoAchieved(), pm.targets().rpo()));
            out.write("</table>\n");
        }

        out.write(
                "<h2>Timeline</h2>\n<table><tr><th>#</th><th>time (UTC)</th><th>offset</th><th>step</th><th>event</th><th>who</th></tr>\n");
        try (BufferedSections sections = new BufferedSections()) {
            BufferedSections.Section decisions = sections.add(PostmortemHtmlWriter::item, EventKind.DECISION);
            BufferedSections.Section failed = sections.add(
                    PostmortemHtmlWriter::item,
                    EventKind.STEP_FAILED,
                    EventKind.STEP_RETRIED,
                    EventKind.STEP_SKIPPED,
                    EventKind.STEP_INTERRUPTED,
                    EventKind.STEP_CANCELLED);
            BufferedSections.Section breaches = sections.add(PostmortemHtmlWriter::item, EventKind.CLOCK_BREACH);
            BufferedSections.Section notes =
                    sections.add(PostmortemHtmlWriter::item, EventKind.NOTE, EventKind.CORRECTION);
            pm.entries(e -> {
                out.write("<tr class=\"" + e.kind() + "\"><td>" + e.sequence() + "</td><td class=\"t\">"
                        + PostmortemMarkdownWriter.TIME.format(e.time()).replace(" UTC", "")
                        + (e.addedLater() ? " <span class=\"later\">added later</span>" : "") + "</td><td class=\"t\">"
                        + PostmortemMarkdownWriter.offset(e.sinceStart()) + "</td><td>" + esc(e.stepTitle())
                        + "</td><td class=\"e\">"
                        + esc(e.text()) + "</td><td>" + esc(e.actor()) + "</td></tr>\n");
                sections.accept(e);
            });
            out.write("</table>\n");

            list(out, sections, decisions, "Decisions");
            list(out, sections, failed, "Failed, retried, skipped and interrupted steps");
            list(out, sections, breaches, "Clock breaches");
            list(out, sections, notes, "Notes");
        }
        out.write("</body></html>\n");
    }

    private static void row(Writer out, String name, String value) throws IOException {
        out.write("<tr><th>" + esc(name) + "</th><td>" + esc(value) + "</td></tr>\n");
    }

    private static void objective(Writer out, String name, String target, java.time.Duration achieved, String verdict)
            throws IOException {
        out.write("<tr><th>" + name + "</th><td>" + esc(target) + "</td><td>"
                + esc(PostmortemMarkdownWriter.human(achieved)) + "</td><td class=\"" + verdict + "\">" + verdict
                + "</td></tr>\n");
    }

    /** A section's title and its list, when it has any line. */
    private static void list(Writer out, BufferedSections sections, BufferedSections.Section section, String title)
            throws IOException {
        if (!sections.hasLines(section)) return;
        out.write("<h2>" + esc(title) + "</h2>\n<ul>\n");
        sections.copy(section, out);
        out.write("</ul>\n");
    }

    private static void item(Writer out, TimelineEntry e) throws IOException {
        out.write("<li>" + esc(PostmortemMarkdownWriter.time(e.time()))
                + (e.stepTitle() == null ? "" : " &ndash; " + esc(e.stepTitle())) + ": " + esc(e.text()) + "</li>\n");
    }

    static String esc(String text) {
        if (text == null) return "";
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
