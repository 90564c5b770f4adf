package dev.drpilot.timeline;

import dev.drpilot.engine.IncidentFigures;
import dev.drpilot.incident.EventKind;
import dev.drpilot.runbook.Durations;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The post-mortem as Markdown: summary, objectives, timeline, decisions, problems, action items. */
public final class PostmortemMarkdownWriter implements PostmortemWriter {

    /** The kinds of entry that make an action item. */
    private static final EventKind[] PROBLEMS = {EventKind.STEP_FAILED, EventKind.STEP_SKIPPED, EventKind.CLOCK_BREACH};

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    @Override
    public String extension() {
        return "md";
    }

    @Override
    public void write(Postmortem pm, Writer out) throws IOException {
        var i = pm.incident();
        out.write("# Post-mortem: " + pm.runbookTitle() + "\n\n");
        out.write("| | |\n|---|---|\n");
        row(
                out,
                "Incident",
                "`" + i.id() + "` (" + i.mode().name().toLowerCase() + (i.severity() == null ? "" : ", " + i.severity())
                        + ")");
        row(out, "Runbook", "`" + i.runbookId() + "`, " + cell(pm.runbookVersionsText()));
        if (i.commander() != null) row(out, "Incident commander", i.commander());
        if (i.failureStartedAt() != null) row(out, "Failure began", time(i.failureStartedAt()));
        row(
                out,
                "Declared",
                time(i.declaredAt())
                        + (i.failureStartedAt() == null
                                ? ""
                                : " (" + human(pm.timeToDeclare()) + " after the failure)"));
        row(
                out,
                "First action",
                pm.firstActionAt() == null
                        ? "none"
                        : time(pm.firstActionAt()) + " (" + human(pm.timeToFirstAction()) + " after declaring)");
        row(out, "Recovered", pm.recoveredAt() == null ? "not yet" : time(pm.recoveredAt()));
        row(out, "Closed", i.closedAt() == null ? "open" : time(i.closedAt()));
        row(out, "Log integrity", integrity(pm));

        out.write("\n## Impact\n\n");
        if (!pm.symptoms().isEmpty()) out.write("What was seen: " + String.join("; ", pm.symptoms()) + ".\n\n");
        out.write("Degraded for "
                + (pm.rtoAchieved() == null ? "an unknown time (not recovered when exported)" : human(pm.rtoAchieved()))
                + ", from " + time(i.startedAt()) + ". Add the number of users, requests or data affected.\n");

        out.write("\n## Recovery objectives\n\n| | target | achieved | |\n|---|---|---|---|\n");
        if (pm.targets() != null) {
            out.write("| RTO | " + pm.targets().rto().label() + " | " + human(pm.rtoAchieved()) + " | "
                    + Postmortem.verdict(pm.rtoAchieved(), pm.targets().rto()) + " |\n");
            out.write("| RPO | " + pm.targets().rpo().label() + " | " + human(pm.rpoAchieved()) + " | "
                    + Postmortem.verdict(pm.rpoAchieved(), pm.targets().rpo()) + " |\n");
        }

        out.write("\n## Timeline\n\nTimes in UTC; the offset counts from the "
                + (i.failureStartedAt() == null ? "declaration" : "failure's start") + ".\n\n");
        out.write("| # | time | offset | step | event | who |\n|---|---|---|---|---|---|\n");
        try (BufferedSections sections = new BufferedSections()) {
            BufferedSections.Section decisions = sections.add(PostmortemMarkdownWriter::item, EventKind.DECISION);
            BufferedSections.Section failed = sections.add(
                    PostmortemMarkdownWriter::item,
                    EventKind.STEP_FAILED,
                    EventKind.STEP_RETRIED,
                    EventKind.STEP_SKIPPED,
                    EventKind.STEP_INTERRUPTED,
                    EventKind.STEP_CANCELLED);
            BufferedSections.Section breaches = sections.add(PostmortemMarkdownWriter::item, EventKind.CLOCK_BREACH);
            BufferedSections.Section notes =
                    sections.add(PostmortemMarkdownWriter::item, EventKind.NOTE, EventKind.CORRECTION);
            BufferedSections.Section problems = sections.add(
                    (o, p) -> o.write("- [ ] Find out why: " + (p.stepTitle() == null ? "" : p.stepTitle() + " - ")
                            + p.text() + "\n"),
                    PROBLEMS);
            pm.entries(e -> {
                out.write("| " + e.sequence() + " | " + TIME.format(e.time()).replace(" UTC", "")
                        + (e.addedLater() ? " (added later)" : "") + " | " + offset(e.sinceStart()) + " | "
                        + cell(e.stepTitle()) + " | "
                        + cell(e.text()) + " | " + cell(e.actor()) + " |\n");
                sections.accept(e);
            });

            section(out, sections, decisions, "Decisions");
            section(out, sections, failed, "Failed, retried, skipped and interrupted steps");
            approvals(out, pm);
            responders(out, pm.team());
            section(out, sections, breaches, "Clock breaches");
            section(out, sections, notes, "Notes");

            out.write("\n## Action items\n\n");
            if (!pm.has(PROBLEMS)) out.write("- [ ] (none found in the log: add the team's)\n");
            sections.copy(problems, out);
        }
    }

    /** Each step that needed a second person: how long it waited for its approver, and who decided (an override flagged). */
    private static void approvals(Writer out, Postmortem pm) throws IOException {
        if (pm.approvalWaits().isEmpty()) return;
        out.write("\n## Second-person approvals\n\n");
        for (IncidentFigures.ApprovalWait wait : pm.approvalWaits()) {
            out.write("- " + TIME.format(wait.requestedAt()) + " - " + pm.stepTitle(wait.stepId()) + ": "
                    + (wait.decidedAt() == null
                            ? "still waiting for its approver when exported"
                            : "waited " + human(wait.waited(wait.decidedAt())) + " for its approver, "
                                    + wait.decision())
                    + "\n");
        }
    }

    /** Who was on the incident across laptops, from the team log: role at the end, joined and left, and each handover. */
    private static void responders(Writer out, TeamRoster team) throws IOException {
        if (team.isEmpty()) return;
        out.write("\n## Responders\n\nFrom the team log: each responder's role at the end of the incident, when they"
                + " joined and left.\n\n");
        out.write("| who | laptop | role | joined | left |\n|---|---|---|---|---|\n");
        for (TeamRoster.Member m : team.members()) {
            out.write("| " + cell(m.name()) + " | " + cell(shortLaptop(m.laptop())) + " | " + m.role() + " | "
                    + TIME.format(m.joinedAt()) + " | "
                    + (m.leftAt() == null ? "still on it when exported" : TIME.format(m.leftAt()))
                    + " |\n");
        }
        if (team.handovers().isEmpty()) return;
        out.write("\nHandovers of command:\n\n");
        for (TeamRoster.Handover h : team.handovers()) {
            out.write("- " + TIME.format(h.at()) + " - " + h.from() + " handed command to " + h.to() + "\n");
        }
    }

    /** A laptop id as people compare it: its first 8 characters. */
    private static String shortLaptop(String laptop) {
        return laptop.length() <= 8 ? laptop : laptop.substring(0, 8);
    }

    /** A section's title and its lines, when it has any. */
    private static void section(Writer out, BufferedSections sections, BufferedSections.Section section, String title)
            throws IOException {
        if (!sections.hasLines(section)) return;
        out.write("\n## " + title + "\n\n");
        sections.copy(section, out);
    }

    private static void item(Writer out, TimelineEntry e) throws IOException {
        out.write("- " + TIME.format(e.time()) + (e.stepTitle() == null ? "" : " - " + e.stepTitle()) + ": " + e.text()
                + "\n");
    }

    private static void row(Writer out, String name, String value) throws IOException {
        out.write("| " + name + " | " + value + " |\n");
    }

    /** The log's verification as of the export: the events it covers and their head hash, or where the chain breaks. */
    static String integrity(Postmortem pm) {
        if (!pm.chain().intact())
            return "BROKEN at event " + pm.chain().firstBrokenSequence() + ": "
                    + pm.chain().reason();
        if (pm.eventCount() == 0) return "no events to check";
        return "hash chain intact over " + pm.chain().checked() + " events, head hash " + pm.headHash();
    }

    static String time(Instant t) {
        return TIME.format(t);
    }

    /** "+12 min" after the start, "-2 min" before it (a note about an earlier moment). */
    static String offset(Duration d) {
        return (d.isNegative() ? "-" : "+") + Durations.human(d.abs());
    }

    static String human(Duration d) {
        return d == null ? "unknown" : Durations.human(d);
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
