package dev.drpilot.incident;

import java.time.Instant;
import java.util.List;

/**
 * The readiness runs the incident log keeps outside any incident (its {@code readiness_checks} table), chained to each other
 * as an incident's events are. Reached through {@link IncidentLogStore#readiness()}; the rows are {@link ReadinessRecords}'.
 */
public final class ReadinessRuns {

    private final IncidentLogStore log;
    private final EventWriter writer;
    private final SecretRedactor redactor;
    private final String actor;

    ReadinessRuns(IncidentLogStore log, EventWriter writer, SecretRedactor redactor, String actor) {
        this.log = log;
        this.writer = writer;
        this.redactor = redactor;
        this.actor = actor;
    }

    /**
     * Keeps a readiness run in the log, outside any incident, chained to the run before it; refused,
     * as every write is, while the log is damaged or stopped.
     *
     * @param reportJson the report as `drpilot readiness --json` prints it (redacted as any payload)
     */
    public ReadinessRecord keep(Instant checkedAt, String reportJson) {
        writer.refuse("the readiness result");
        String kept = ReadinessRecords.redacted(redactor, reportJson);
        return log.withConnection(
                "keep the readiness result", connection -> ReadinessRecords.append(connection, checkedAt, actor, kept));
    }

    /** Every readiness run the log kept, oldest first. */
    public List<ReadinessRecord> all() {
        return log.withConnection("read the readiness results", ReadinessRecords::all);
    }

    /** The readiness runs' hash chain: intact, or the first run that was changed or removed. */
    public HashChain.Verification verify() {
        return ReadinessRecords.verify(all());
    }
}
