package dev.drpilot.engine;

import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.runbook.RunbookVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runbook versions an incident ran, read from its log: the one its declaration recorded, then
 * each changed one the operator accepted on resuming. Empty for a log written before DR Pilot
 * recorded them.
 */
public final class RunbookVersions {

    private RunbookVersions() {}

    /** A version and the event that recorded it. */
    public record Recorded(RunbookVersion version, long sequence, Instant time, boolean declared) {}

    public static List<Recorded> of(List<IncidentEvent> events) {
        List<Recorded> versions = new ArrayList<>();
        for (IncidentEvent e : events) {
            if (e.kind() != EventKind.INCIDENT_DECLARED && e.kind() != EventKind.RUNBOOK_CHANGED) continue;
            EventData.RunbookFile file = switch (e.data()) {
                case EventData.Declared declared -> declared.runbookFile();
                case EventData.RunbookChanged changed -> changed.file();
                default -> null;
            };
            if (file != null)
                versions.add(new Recorded(
                        version(file), e.sequence(), e.effectiveTime(), e.kind() == EventKind.INCIDENT_DECLARED));
        }
        return List.copyOf(versions);
    }

    /** The version the incident runs now: the newest recorded. */
    public static Optional<RunbookVersion> current(List<IncidentEvent> events) {
        List<Recorded> all = of(events);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast().version());
    }

    static EventData.RunbookFile file(RunbookVersion version) {
        return new EventData.RunbookFile(version.file(), version.sha256(), version.text());
    }

    private static RunbookVersion version(EventData.RunbookFile file) {
        return new RunbookVersion(file.name(), file.sha256(), file.text() == null ? "" : file.text());
    }
}
