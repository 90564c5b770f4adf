package dev.drpilot.readiness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trend of readiness over the runs the log kept: for each row of the newest run, its verdict now,
 * since when it has had that verdict, and what it had before.
 */
public final class ReadinessTrend {

    /**
     * One row's history.
     *
     * @param row       the row as the newest run measured it
     * @param since     the first run of the newest streak of this verdict (the run it last changed in)
     * @param before    the verdict before that change, or null when it has had this verdict in every run that measured it
     * @param runs      how many runs measured the row
     * @param changes   how many times its verdict changed over those runs
     */
    public record RowTrend(ReadinessRow row, Instant since, Verdict before, int runs, int changes) {}

    private final List<ReadinessReport> reports;

    /** @param reports the runs, oldest first */
    public ReadinessTrend(List<ReadinessReport> reports) {
        this.reports = List.copyOf(reports);
    }

    public int runs() {
        return reports.size();
    }

    /** The newest run, or null when none was kept. */
    public ReadinessReport newest() {
        return reports.isEmpty() ? null : reports.getLast();
    }

    /** Every run, oldest first. */
    public List<ReadinessReport> reports() {
        return reports;
    }

    /** A row per row of the newest run, in its order. */
    public List<RowTrend> rows() {
        Map<String, RowTrend> trends = new LinkedHashMap<>();
        for (ReadinessReport report : reports) {
            for (ReadinessRow row : report.rows()) {
                RowTrend was = trends.get(row.name());
                if (was == null) {
                    trends.put(row.name(), new RowTrend(row, report.checkedAt(), null, 1, 0));
                } else if (was.row().verdict() == row.verdict()) {
                    trends.put(row.name(), new RowTrend(row, was.since(), was.before(), was.runs() + 1, was.changes()));
                } else {
                    trends.put(
                            row.name(),
                            new RowTrend(
                                    row, report.checkedAt(), was.row().verdict(), was.runs() + 1, was.changes() + 1));
                }
            }
        }
        List<RowTrend> newest = new ArrayList<>();
        if (reports.isEmpty()) return newest;
        for (ReadinessRow row : reports.getLast().rows()) newest.add(trends.get(row.name()));
        return newest;
    }
}
