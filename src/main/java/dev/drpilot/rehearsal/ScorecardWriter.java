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
 * A rehearsal's scorecard as Markdown: the figures against their targets, then the same exercise
 * across the team's rehearsals, as a table and a bar chart of the RTO, oldest first, so the team
 * sees whether it gets faster.
 */
public final class ScorecardWriter {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final int BAR_WIDTH = 40;

    private ScorecardWriter() {}

    /** @param history every rehearsal of the same runbook, this one included, in any order */
    public static void write(Scorecard card, List<Scorecard> history, Writer out) throws IOException {
        out.write("# Rehearsal scorecard: " + card.runbookTitle() + "\n\n");
        out.write("Rehearsal " + card.incident().id() + ", started "
                + DAY.format(card.incident().declaredAt())
                + (card.incident().commander() == null
                        ? ""
                        : ", commander " + card.incident().commander()) + ".\n\n");
        out.write("| Measure | Achieved | Target | Verdict |\n|---|---|---|---|\n");
        row(out, "RTO (time to recover)", card.rto(), card.rtoTarget(), card.rtoVerdict());
        row(out, "RPO (data lost)", card.rpo(), card.rpoTarget(), card.rpoVerdict());
        out.write("| Time to first action | " + human(card.timeToFirstAction()) + " | | |\n");
        for (Scorecard.PhaseResult phase : card.phases()) {
            out.write("| Phase: " + phase.phase().label() + " | " + human(phase.doneAfter()) + " | within "
                    + Durations.human(phase.window()) + " | " + phase.verdict() + " |\n");
        }
        out.write("\n## Steps retried or skipped\n\n");
        if (card.retried().isEmpty() && card.skipped().isEmpty()) out.write("None.\n");
        for (Map.Entry<String, Integer> retried : card.retried().entrySet()) {
            out.write("- " + retried.getKey() + ": retried " + retried.getValue()
                    + (retried.getValue() == 1 ? " time" : " times") + "\n");
        }
        for (Map.Entry<String, String> skipped : card.skipped().entrySet()) {
            out.write("- " + skipped.getKey() + ": skipped (" + skipped.getValue() + ")\n");
        }
        out.write("\n## Injects and reactions\n\n| At | Inject | Team reacted after |\n|---|---|---|\n");
        for (Scorecard.InjectReaction inject : card.injects()) {
            out.write("| T+" + Durations.human(inject.at()) + " | " + cell(inject.text()) + " | "
                    + (inject.reaction() == null ? "no move after it" : Durations.human(inject.reaction())) + " |\n");
        }
        writeHistory(card, history, out);
    }

    private static void writeHistory(Scorecard card, List<Scorecard> history, Writer out) throws IOException {
        List<Scorecard> runs = new ArrayList<>(history);
        runs.sort((a, b) -> a.incident().declaredAt().compareTo(b.incident().declaredAt()));
        out.write(
                "\n## This exercise across rehearsals\n\n| Rehearsal | Started | RTO | RPO | First action | Retries | Skips |\n"
                        + "|---|---|---|---|---|---|---|\n");
        for (Scorecard run : runs) {
            String id = run.incident().id().equals(card.incident().id())
                    ? "**" + run.incident().id() + "** (this one)"
                    : run.incident().id();
            out.write("| " + id + " | " + DAY.format(run.incident().declaredAt()) + " | " + human(run.rto()) + " | "
                    + human(run.rpo())
                    + " | " + human(run.timeToFirstAction()) + " | "
                    + run.retried().values().stream()
                            .mapToInt(Integer::intValue)
                            .sum()
                    + " | " + run.skipped().size() + " |\n");
        }
        long longest = runs.stream()
                .filter(r -> r.rto() != null)
                .mapToLong(r -> r.rto().toSeconds())
                .max()
                .orElse(0);
        long target = card.rtoTarget() == null ? 0 : card.rtoTarget().atMost().toSeconds();
        long scale = Math.max(1, Math.max(longest, target));
        out.write(
                "\nRTO per rehearsal (each █ is " + Durations.human(Duration.ofSeconds(Math.max(1, scale / BAR_WIDTH)))
                        + "; | marks the target):\n\n```\n");
        for (Scorecard run : runs) {
            out.write(String.format(
                    "%-28s %s %s%n", run.incident().id(), bar(run.rto(), scale, target), human(run.rto())));
        }
        out.write("```\n");
    }

    private static String bar(Duration rto, long scale, long target) {
        int filled = rto == null ? 0 : (int) Math.round(rto.toSeconds() * (double) BAR_WIDTH / scale);
        int mark = target == 0 ? -1 : (int) Math.round(target * (double) BAR_WIDTH / scale);
        StringBuilder bar = new StringBuilder();
        for (int i = 0; i <= BAR_WIDTH; i++) bar.append(i == mark ? '|' : i < filled ? '█' : ' ');
        return bar.toString();
    }

    private static void row(Writer out, String measure, Duration achieved, TimeTarget target, String verdict)
            throws IOException {
        out.write("| " + measure + " | " + human(achieved) + " | "
                + (target == null || target.isNone() ? "" : target.label()) + " | " + verdict + " |\n");
    }

    private static String human(Duration d) {
        return d == null ? "n/a" : Durations.human(d);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
