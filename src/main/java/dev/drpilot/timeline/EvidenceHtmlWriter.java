package dev.drpilot.timeline;

import static dev.drpilot.timeline.PostmortemHtmlWriter.esc;

import dev.drpilot.incident.Incident;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * An evidence pack as one self-contained HTML file (no script, no font or image fetched) that an
 * auditor can read on screen or print: each section one of docs/evidence.md's fields, the timeline last.
 */
public final class EvidenceHtmlWriter implements EvidenceWriter {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f2328;max-width:62rem;margin:2rem auto;padding:0 1rem}
            h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:1.8rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
            table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #e6e8eb}
            th{background:#f6f8fa;font-weight:600}table.facts th{width:12rem}td.t{white-space:nowrap;font-variant-numeric:tabular-nums}
            .pass,.met{color:#1a7f37;font-weight:600}.fail,.breached,.overdue{color:#cf222e;font-weight:600}.muted,.unknown{color:#57606a}
            code,.hash{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.85em;word-break:break-all}
            tr.overdue td{background:#fff1f0}.none{color:#57606a;font-style:italic}
            @page{margin:15mm}
            @media print{body{margin:0;max-width:none;font-size:10.5px}tr,li{page-break-inside:avoid}h2{page-break-after:avoid}
            section{page-break-inside:auto}.timeline{page-break-before:always}th{background:#eee!important;-webkit-print-color-adjust:exact;print-color-adjust:exact}}
            """;

    @Override
    public String extension() {
        return "html";
    }

    @Override
    public void write(EvidencePack pack, Writer out) throws IOException {
        Incident incident = pack.postmortem().incident();
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>DR test evidence "
                + esc(incident.id()) + "</title>\n<style>" + STYLE + "</style></head><body>\n");
        out.write("<h1>DR test evidence: " + esc(pack.postmortem().runbookTitle()) + "</h1>\n<p class=\"muted\">"
                + esc(incident.id())
                + " &middot; " + esc(pack.scenarioType().words()) + " &middot; "
                + esc(pack.scope().mode()) + " &middot; written "
                + esc(time(pack.writtenAt())) + "</p>\n");

        out.write("<h2>The test</h2>\n<table class=\"facts\">\n");
        row(out, "Test id", incident.id());
        row(
                out,
                "Date",
                LocalDate.ofInstant(incident.startedAt(), ZoneOffset.UTC).toString());
        row(out, "Scenario type", pack.scenarioType().words());
        row(out, "Scope", scope(pack.scope()));
        if (pack.scope().exercise() != null) row(out, "Exercise", pack.scope().exercise());
        if (pack.scope().guideSection() != null)
            row(out, "DR guide section", pack.scope().guideSection());
        if (!pack.scope().params().isEmpty())
            row(out, "Resources and parameters", params(pack.scope().params()));
        row(out, "Started", time(incident.startedAt()));
        row(out, "Declared", time(incident.declaredAt()));
        row(
                out,
                "Recovered",
                pack.postmortem().recoveredAt() == null
                        ? "not recovered"
                        : time(pack.postmortem().recoveredAt()));
        row(out, "Closed", incident.closedAt() == null ? "still open" : time(incident.closedAt()));
        out.write("<tr><th>Runbook</th><td>" + esc(incident.runbookId()) + " &ndash; "
                + esc(pack.postmortem().runbookTitle())
                + (pack.runbookFile() == null
                        ? "<br><span class=\"none\">no version recorded (declared before DR Pilot recorded runbook versions, and its file is not found)</span>"
                        : "<br>version <span class=\"hash\">sha256:"
                                + esc(pack.runbookFile().sha256()) + "</span> of "
                                + esc(pack.runbookFile().file()))
                + "</td></tr>\n");
        out.write("</table>\n");

        out.write(
                "<h2>Recovery objectives</h2>\n<table><tr><th></th><th>target</th><th>measured</th><th>result</th></tr>\n");
        for (EvidencePack.Objective o : List.of(pack.rto(), pack.rpo())) {
            out.write(
                    "<tr><th>" + o.name() + "</th><td>" + esc(o.target() == null ? "unknown" : o.target()) + "</td><td>"
                            + esc(PostmortemMarkdownWriter.human(o.achieved())) + "</td><td class=\""
                            + o.verdict().replace(' ', '-') + "\">"
                            + esc(o.verdict()) + "</td></tr>\n");
        }
        out.write("</table>\n");

        out.write("<h2>Participants and roles</h2>\n");
        table(
                out,
                List.of("who", "roles, as the log shows them"),
                pack.participants().stream()
                        .map(p -> List.of(p.name(), String.join(", ", p.roles())))
                        .toList(),
                "nobody is named in the log");

        readiness(out, pack.readiness(), incident);

        out.write("<h2>Deviations from the runbook</h2>\n");
        table(
                out,
                List.of("event", "time (UTC)", "step", "what"),
                pack.deviations().stream()
                        .map(d -> List.of(
                                d.sequence() == null ? "-" : "#" + d.sequence(),
                                d.at() == null ? "-" : time(d.at()),
                                text(d.step()),
                                d.what()))
                        .toList(),
                "none: every step ran as written");

        out.write("<h2>Steps skipped</h2>\n");
        table(
                out,
                List.of("event", "time (UTC)", "step", "reason", "by"),
                pack.skipped().stream()
                        .map(s -> List.of(
                                "#" + s.sequence(), time(s.at()), text(s.step()), text(s.reason()), text(s.by())))
                        .toList(),
                "none");

        gaps(out, pack);

        out.write("<h2>Integrity</h2>\n<table class=\"facts\">\n");
        row(out, "Hash chain", PostmortemMarkdownWriter.integrity(pack.postmortem()));
        out.write("<tr><th>Events</th><td>" + pack.postmortem().eventCount() + ", event 1 to event "
                + pack.postmortem().lastSequence() + "</td></tr>\n");
        out.write("<tr><th>First hash</th><td class=\"hash\">"
                + esc(pack.postmortem().firstHash()) + "</td></tr>\n");
        out.write("<tr><th>Head hash</th><td class=\"hash\">"
                + esc(pack.postmortem().headHash()) + "</td></tr>\n");
        out.write(
                "<tr><th>To check</th><td><code>drpilot verify --file</code> on the JSON pack written with this page checks every event,"
                        + " these findings and their seal; <code>drpilot verify " + esc(incident.id())
                        + "</code> checks the log, whose later events follow this head hash.</td></tr>\n");
        out.write("</table>\n");

        out.write(
                "<section class=\"timeline\"><h2>Timeline</h2>\n<table><tr><th>#</th><th>time (UTC)</th><th>step</th><th>event</th><th>who</th></tr>\n");
        pack.postmortem()
                .entries(e -> out.write("<tr><td>" + e.sequence() + "</td><td class=\"t\">" + esc(time(e.time()))
                        + "</td><td>" + esc(e.stepTitle()) + "</td><td>" + esc(e.text()) + "</td><td>" + esc(e.actor())
                        + "</td></tr>\n"));
        out.write("</table></section>\n</body></html>\n");
    }

    private static void readiness(Writer out, EvidencePack.Readiness readiness, Incident incident) throws IOException {
        out.write("<h2>Readiness before the test</h2>\n");
        if (readiness == null) {
            out.write("<p class=\"none\">No readiness report is attached to " + esc(incident.id())
                    + ": attach one with <code>drpilot evidence " + esc(incident.id())
                    + " --readiness FILE</code> (a saved <code>drpilot readiness --json</code>).</p>\n");
            return;
        }
        out.write("<table class=\"facts\">\n");
        row(out, "Result", readiness.result());
        row(
                out,
                "Measured",
                (readiness.checkedAt() == null ? "unknown" : time(readiness.checkedAt()))
                        + (readiness.beforeTest() ? ", before the test" : ", not before the test was declared"));
        if (readiness.identity() != null) row(out, "As", readiness.identity());
        out.write("<tr><th>Report</th><td>" + esc(readiness.file()) + ", <span class=\"hash\">sha256:"
                + esc(readiness.sha256()) + "</span>, event #" + readiness.sequence() + "</td></tr>\n</table>\n");
        table(
                out,
                List.of("target", "measured", "guide", "verdict"),
                readiness.rows().stream()
                        .map(r -> List.of(cell(r, "name"), cell(r, "figure"), cell(r, "target"), cell(r, "verdict")))
                        .toList(),
                "the report has no rows");
    }

    private static void gaps(Writer out, EvidencePack pack) throws IOException {
        out.write("<h2>Gaps and remediation</h2>\n");
        if (pack.gaps().isEmpty()) {
            out.write("<p class=\"none\">No gap was recorded (<code>drpilot gap</code>).</p>\n");
            return;
        }
        if (!pack.overdueGaps().isEmpty()) {
            out.write("<p class=\"overdue\">" + pack.overdueGaps().size() + " of "
                    + pack.gaps().size() + " past their due date on "
                    + LocalDate.ofInstant(pack.writtenAt(), ZoneOffset.UTC) + ".</p>\n");
        }
        out.write(
                "<table><tr><th>event</th><th>gap</th><th>remediation</th><th>owner</th><th>due</th><th>recorded</th></tr>\n");
        for (EvidencePack.Gap g : pack.gaps()) {
            out.write("<tr" + (g.overdue() ? " class=\"overdue\"" : "") + "><td>#" + g.sequence() + "</td><td>"
                    + esc(g.text()) + "</td><td>"
                    + esc(g.remediation()) + "</td><td>" + esc(g.owner()) + "</td><td class=\"t\">"
                    + esc(String.valueOf(g.due()))
                    + (g.overdue() ? " <span class=\"overdue\">OVERDUE</span>" : "") + "</td><td>"
                    + esc(time(g.recordedAt())) + " by "
                    + esc(g.recordedBy()) + "</td></tr>\n");
        }
        out.write("</table>\n");
    }

    private static void table(Writer out, List<String> heads, List<List<String>> rows, String none) throws IOException {
        if (rows.isEmpty()) {
            out.write("<p class=\"none\">" + esc(none) + "</p>\n");
            return;
        }
        out.write("<table><tr>");
        for (String head : heads) out.write("<th>" + esc(head) + "</th>");
        out.write("</tr>\n");
        for (List<String> row : rows) {
            out.write("<tr>");
            for (String cell : row) out.write("<td>" + esc(cell) + "</td>");
            out.write("</tr>\n");
        }
        out.write("</table>\n");
    }

    private static void row(Writer out, String name, String value) throws IOException {
        out.write("<tr><th>" + esc(name) + "</th><td>" + esc(value) + "</td></tr>\n");
    }

    private static String scope(EvidencePack.Scope scope) {
        return scope.runbookTitle()
                + (scope.architecture() == null ? "" : " (" + scope.architecture() + ")")
                + (scope.summary() == null ? "" : ": " + scope.summary());
    }

    private static String params(Map<String, String> params) {
        return String.join(
                ", ",
                params.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(p -> p.getKey() + "=" + p.getValue())
                        .toList());
    }

    private static String cell(Map<String, Object> row, String key) {
        return text(row.get(key) == null ? null : String.valueOf(row.get(key)));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String time(Instant t) {
        return PostmortemMarkdownWriter.time(t);
    }
}
