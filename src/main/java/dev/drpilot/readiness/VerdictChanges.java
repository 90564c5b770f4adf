package dev.drpilot.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What changed between two readiness runs of the same config: a line per row whose verdict moved. */
public final class VerdictChanges {

    private VerdictChanges() {}

    /**
     * The rows of {@code after} that are breached and were not in {@code before} (met, unknown, or not there):
     * the targets to raise a notice for. With no report before, every breached row.
     */
    public static List<ReadinessRow> newlyBreached(ReadinessReport before, ReadinessReport after) {
        Map<String, Verdict> earlier = before == null
                ? Map.of()
                : before.rows().stream()
                        .collect(Collectors.toMap(ReadinessRow::name, ReadinessRow::verdict, (a, b) -> a));
        return after.rows().stream()
                .filter(row -> row.verdict() == Verdict.BREACHED && earlier.get(row.name()) != Verdict.BREACHED)
                .toList();
    }

    /** The notice of one newly breached row, in one line: what breached, what was measured, what to fix. */
    public static String notice(ReadinessRow row) {
        return "TARGET BREACHED: " + row.name() + " (" + row.figure() + "). Fix: " + row.detail();
    }

    /**
     * "2026-11-30T12:00:00Z WebApp data corruption RPO...: met -> breached (PITR of webapp-users is DISABLED). Fix: ...";
     * a row new in {@code after} counts as a change from nothing.
     */
    public static List<String> between(ReadinessReport before, ReadinessReport after) {
        Map<String, ReadinessRow> earlier =
                before.rows().stream().collect(Collectors.toMap(ReadinessRow::name, Function.identity(), (a, b) -> a));
        List<String> lines = new ArrayList<>();
        for (ReadinessRow row : after.rows()) {
            ReadinessRow was = earlier.get(row.name());
            if (was != null && was.verdict() == row.verdict()) continue;
            String detail = switch (row.verdict()) {
                case MET -> "";
                case BREACHED -> " Fix: " + row.detail();
                case UNKNOWN -> " Why: " + row.detail();
            };
            lines.add(after.checkedAt() + " " + row.name() + ": "
                    + (was == null ? "new" : was.verdict().word()) + " -> "
                    + row.verdict().word() + " (" + row.figure() + ")." + detail);
        }
        return lines;
    }
}
