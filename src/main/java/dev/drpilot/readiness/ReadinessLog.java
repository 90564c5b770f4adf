package dev.drpilot.readiness;

import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.ReadinessRecord;
import java.util.List;

/** Readiness runs kept in the incident log, outside any incident, and read back as their trend. */
public final class ReadinessLog {

    private final IncidentLogStore store;

    public ReadinessLog(IncidentLogStore store) {
        this.store = store;
    }

    /** Keeps the run; refused, in words, while the log is damaged or stopped. */
    public ReadinessRecord keep(ReadinessReport report) {
        return store.readiness().keep(report.checkedAt(), report.toJson());
    }

    /** Every run kept, oldest first, as a trend per row. */
    public ReadinessTrend trend() {
        List<ReadinessReport> reports = store.readiness().all().stream()
                .map(record -> ReadinessReport.fromJson(record.report()))
                .toList();
        return new ReadinessTrend(reports);
    }
}
