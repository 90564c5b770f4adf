package dev.drpilot.rehearsal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scorecard for tools: JSON (this rehearsal's figures, then every rehearsal of the exercise),
 * and CSV (one row per rehearsal, oldest first, for a spreadsheet's chart). Durations in seconds.
 */
public final class ScorecardDataWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String CSV_HEADER =
            "rehearsal,started,rto_seconds,rto_verdict,rpo_seconds,rpo_verdict,first_action_seconds,retries,skips";

    private ScorecardDataWriter() {}

    public static void writeJson(Scorecard card, List<Scorecard> history, Writer out) throws IOException {
        Map<String, Object> document = summary(card);
        List<Map<String, Object>> phases = new ArrayList<>();
        for (Scorecard.PhaseResult phase : card.phases()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("phase", phase.phase().yamlName());
            p.put("windowSeconds", phase.window().toSeconds());
            p.put("doneAfterSeconds", seconds(phase.doneAfter()));
            p.put("verdict", phase.verdict());
            phases.add(p);
        }
        document.put("phases", phases);
        document.put("retried", card.retried());
        document.put("skipped", card.skipped());
        List<Map<String, Object>> injects = new ArrayList<>();
        for (Scorecard.InjectReaction inject : card.injects()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("atSeconds", inject.at().toSeconds());
            i.put("text", inject.text());
            i.put("reactionSeconds", seconds(inject.reaction()));
            injects.add(i);
        }
        document.put("injects", injects);
        document.put(
                "rehearsals",
                sorted(history).stream().map(ScorecardDataWriter::summary).toList());
        JSON.writeValue(out, document);
    }

    public static void writeCsv(List<Scorecard> history, Writer out) throws IOException {
        out.write(CSV_HEADER + "\n");
        for (Scorecard run : sorted(history)) {
            out.write(String.join(
                            ",",
                            run.incident().id(),
                            run.incident().declaredAt().toString(),
                            text(seconds(run.rto())),
                            run.rtoVerdict(),
                            text(seconds(run.rpo())),
                            run.rpoVerdict(),
                            text(seconds(run.timeToFirstAction())),
                            String.valueOf(run.retried().values().stream()
                                    .mapToInt(Integer::intValue)
                                    .sum()),
                            String.valueOf(run.skipped().size()))
                    + "\n");
        }
    }

    private static Map<String, Object> summary(Scorecard card) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("rehearsal", card.incident().id());
        s.put("runbook", card.incident().runbookId());
        s.put("started", card.incident().declaredAt().toString());
        s.put("rtoSeconds", seconds(card.rto()));
        s.put(
                "rtoTargetSeconds",
                card.rtoTarget() == null || card.rtoTarget().isNone()
                        ? null
                        : card.rtoTarget().atMost().toSeconds());
        s.put("rtoVerdict", card.rtoVerdict());
        s.put("rpoSeconds", seconds(card.rpo()));
        s.put(
                "rpoTargetSeconds",
                card.rpoTarget() == null || card.rpoTarget().isNone()
                        ? null
                        : card.rpoTarget().atMost().toSeconds());
        s.put("rpoVerdict", card.rpoVerdict());
        s.put("firstActionSeconds", seconds(card.timeToFirstAction()));
        return s;
    }

    private static List<Scorecard> sorted(List<Scorecard> history) {
        List<Scorecard> runs = new ArrayList<>(history);
        runs.sort((a, b) -> a.incident().declaredAt().compareTo(b.incident().declaredAt()));
        return runs;
    }

    private static Long seconds(Duration d) {
        return d == null ? null : d.toSeconds();
    }

    private static String text(Long value) {
        return value == null ? "" : String.valueOf(value);
    }
}
