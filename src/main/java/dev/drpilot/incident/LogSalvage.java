package dev.drpilot.incident;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Salvages every readable event of a damaged log into a new log ({@code drpilot recover}). The
 * damaged file is only read: H2 opens a copy of it as it is, then at each state its chunks still
 * hold, newest first, and every incident and event found in any of them is copied as it is,
 * with its hash. The chain is not rebuilt, so {@code verify} of a salvaged incident names where
 * it breaks. What the head file says was there and no state holds is named, and recorded in the
 * new log as an {@link EventKind#EVENTS_LOST} event, numbered after the lost events and chained
 * to the newest one's hash (which the head file kept).
 */
public final class LogSalvage {

    /**
     * What a salvage found and wrote.
     *
     * @param salvaged    events copied, by incident
     * @param losses      what the head file knows of and no state of the file holds
     * @param lossEvents  the EVENTS_LOST event written for each incident that lost events
     * @param breaks      where the chain of another salvaged incident breaks (events lost before its newest)
     * @param headProblem why the head file could not tell a lost tail (none, unreadable), or null
     */
    public record Report(
            Path source,
            Path target,
            Map<String, Integer> salvaged,
            List<IncidentLoss> losses,
            Map<String, Long> lossEvents,
            List<String> breaks,
            String headProblem) {

        /** What the operator reads: the totals, each loss and where it is recorded, and what to do next. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            int events = salvaged.values().stream().mapToInt(Integer::intValue).sum();
            lines.add("Salvaged " + events + " events of " + salvaged.size()
                    + (salvaged.size() == 1 ? " incident" : " incidents") + " from " + source + ".mv.db into " + target
                    + ".mv.db (the damaged file was only read).");
            for (IncidentLoss loss : losses) {
                lines.add(loss.sentence() + "; recorded as event " + lossEvents.get(loss.incidentId()) + " of "
                        + loss.incidentId() + " in the new log.");
            }
            lines.addAll(breaks);
            if (headProblem != null) lines.add(headProblem);
            else if (losses.isEmpty() && breaks.isEmpty())
                lines.add("Nothing lost: every event its head file knows of was salvaged.");
            lines.add("Each event keeps its hash: `drpilot verify INCIDENT --log " + target
                    + "` names where an incident's chain breaks." + " Work on with --log " + target + ".");
            return lines;
        }
    }

    private final Map<String, Map<String, Object>> incidents = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> events = new TreeMap<>();

    private LogSalvage() {}

    /**
     * Salvages {@code source} (a log's path without its {@code .mv.db} ending) into a new log at
     * {@code target}, which must not exist.
     */
    public static Report salvage(Path source, Path target, Clock clock, String actor) {
        Path from = source.toAbsolutePath().normalize();
        Path to = target.toAbsolutePath().normalize();
        Path database = Path.of(from + ".mv.db");
        if (!Files.isRegularFile(database)) {
            throw new IncidentLogUnavailableException(
                    "There is no incident log " + database + " to salvage: give the damaged log with --log PATH.",
                    null);
        }
        for (String ending : List.of(".mv.db", ".head")) {
            if (Files.exists(Path.of(to + ending))) {
                throw new IncidentLogUnavailableException(
                        "Not salvaged: " + to + ending + " exists, and a salvage never writes over a file."
                                + " Give a new path with --to.",
                        null);
            }
        }
        LogOpening.pathInUrl(to); // refuses a path that H2 would read a setting in, before anything is read or written
        Map<String, LogHead.Entry> said;
        String headProblem = null;
        try {
            said = new LogHead(from).entries();
            if (said.isEmpty()) headProblem = noHead(from, "has no head file");
        } catch (IncidentLogUnavailableException unreadable) {
            said = Map.of();
            headProblem = noHead(from, "has an unreadable head file");
        }
        LogSalvage salvage = new LogSalvage();
        try {
            Files.createDirectories(to.getParent());
            salvage.readEveryState(database, to.getParent());
            IncidentLogStore.open(to, clock, actor).close();
            Report written = salvage.write(from, to, said, clock, actor, headProblem);
            return new Report(
                    from,
                    to,
                    written.salvaged(),
                    written.losses(),
                    written.lossEvents(),
                    breaks(written, clock, actor),
                    headProblem);
        } catch (IOException | SQLException e) {
            throw new IncidentLogUnavailableException(
                    "The salvage of " + database + " into " + to + ".mv.db failed: " + e.getMessage()
                            + ". The damaged file was only read; free space or choose another --to, and run it again.",
                    e);
        }
    }

    /** Gaps before an incident's newest event: the head file cannot see them, the hash chain does. */
    private static List<String> breaks(Report written, Clock clock, String actor) {
        List<String> breaks = new ArrayList<>();
        try (IncidentLogStore log = IncidentLogStore.open(written.target(), clock, actor)) {
            for (String id : written.salvaged().keySet()) {
                HashChain.Verification chain = log.verify(id);
                if (!chain.intact() && !written.lossEvents().containsKey(id))
                    breaks.add(id + " lost events before its newest: " + chain.reason() + ".");
            }
        }
        return breaks;
    }

    private static String noHead(Path from, String what) {
        return from + ".mv.db " + what + ": a lost tail cannot be seen, only gaps, which `drpilot verify` names.";
    }

    /** Opens a copy of the file as it is, then at each chunk, newest first, and keeps every row any of them shows. */
    private void readEveryState(Path database, Path folder) throws IOException {
        Path work = Files.createTempDirectory(folder, ".drpilot-salvage-");
        Path view = work.resolve("view");
        Path viewFile = Path.of(view + ".mv.db");
        try {
            Files.copy(database, viewFile);
            read(view);
            try (FileChannel file = FileChannel.open(viewFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                List<MvStoreChunks.Chunk> chunks = MvStoreChunks.scan(file);
                long created = MvStoreChunks.created(file);
                for (int i = 0; i < chunks.size(); i++) {
                    if (i > 0) MvStoreChunks.erase(file, chunks.get(i - 1));
                    MvStoreChunks.pointHeaderAt(file, chunks.get(i), created);
                    read(view);
                }
            }
        } finally {
            try (Stream<Path> files = Files.list(work)) {
                for (Path f : files.toList()) Files.delete(f);
            }
            Files.delete(work);
        }
    }

    private void read(Path view) {
        try (Connection connection = LogInspection.readOnly(view)) {
            if (!LogInspection.hasTables(connection)) return;
            rows(connection, "SELECT * FROM incidents", row -> incidents.putIfAbsent((String) row.get("ID"), row));
            rows(
                    connection,
                    "SELECT * FROM events",
                    row -> events.putIfAbsent(
                            key((String) row.get("INCIDENT_ID"), ((Number) row.get("SEQUENCE")).longValue()), row));
        } catch (SQLException | RuntimeException unreadable) {
            // this state of the file cannot be read (further): the rows read before are kept, the other states may hold
            // the rest
        }
    }

    private static void rows(Connection connection, String sql, Consumer<Map<String, Object>> each)
            throws SQLException {
        try (Statement select = connection.createStatement();
                ResultSet rs = select.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(
                            meta.getColumnName(i).toUpperCase(),
                            meta.getColumnType(i) == Types.CLOB ? rs.getString(i) : rs.getObject(i));
                }
                each.accept(row);
            }
        }
    }

    private static String key(String incidentId, long sequence) {
        return incidentId + "\u0000" + "%019d".formatted(sequence);
    }

    private Report write(
            Path from, Path to, Map<String, LogHead.Entry> said, Clock clock, String actor, String headProblem)
            throws SQLException, IOException {
        Map<String, Integer> salvaged = new TreeMap<>();
        Map<String, Long> lossEvents = new TreeMap<>();
        List<IncidentLoss> losses;
        List<LogHead.Entry> newest = new ArrayList<>();
        try (Connection connection =
                DriverManager.getConnection("jdbc:h2:file:" + LogOpening.pathInUrl(to), "sa", "")) {
            connection.setAutoCommit(false);
            for (Map<String, Object> event : events.values()) {
                String id = (String) event.get("INCIDENT_ID");
                salvaged.merge(id, 1, Integer::sum);
                if (!incidents.containsKey(id)) incidents.put(id, fromDeclaration(id, event));
            }
            for (String id : said.keySet()) incidents.computeIfAbsent(id, lost -> placeholder(lost, clock.millis()));
            for (Map<String, Object> incident : incidents.values()) insert(connection, "incidents", incident);
            for (Map<String, Object> event : events.values()) insert(connection, "events", event);
            losses = LogInspection.compare(connection, said);
            for (String id :
                    losses.stream().map(IncidentLoss::incidentId).distinct().toList()) {
                List<IncidentLoss> ofIncident =
                        losses.stream().filter(l -> l.incidentId().equals(id)).toList();
                lossEvents.put(id, recordLoss(connection, from, said.get(id), ofIncident, clock, actor));
            }
            connection.commit();
            for (String id : incidents.keySet()) {
                LogHead.Entry tail = tail(connection, id);
                if (tail != null) newest.add(tail);
            }
            try (Statement sync = connection.createStatement()) {
                sync.execute("CHECKPOINT SYNC");
            }
        }
        new LogHead(to).record(newest);
        return new Report(from, to, salvaged, losses, lossEvents, List.of(), headProblem);
    }

    /**
     * The loss as an event: numbered after the newest event the head file knew of and chained to
     * its hash, so the chain shows the gap where the lost events were.
     */
    private static long recordLoss(
            Connection connection, Path from, LogHead.Entry head, List<IncidentLoss> losses, Clock clock, String actor)
            throws SQLException {
        LogHead.Entry salvagedTail = tail(connection, head.incidentId());
        boolean headIsNewer = salvagedTail == null || head.sequence() >= salvagedTail.sequence();
        long sequence = (headIsNewer ? head.sequence() : salvagedTail.sequence()) + 1;
        String previous = headIsNewer ? head.hash() : salvagedTail.hash();
        String text = EventCodec.write(new EventData.EventsLost(
                losses.stream().map(IncidentLoss::sentence).collect(Collectors.joining("; ")),
                losses.stream()
                        .map(l -> new EventData.EventsLost.Loss(l.first(), l.last(), l.changed()))
                        .toList(),
                head.sequence(),
                from + ".mv.db"));
        long time = clock.millis();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("INCIDENT_ID", head.incidentId());
        row.put("SEQUENCE", sequence);
        row.put("TIME_MS", time);
        row.put("KIND", EventKind.EVENTS_LOST.name());
        row.put("ACTOR", actor);
        row.put("PAYLOAD", text);
        row.put("PREVIOUS_HASH", previous);
        row.put(
                "HASH",
                HashChain.hash(
                        HashChain.sha256(),
                        head.incidentId(),
                        sequence,
                        time,
                        EventKind.EVENTS_LOST,
                        actor,
                        null,
                        text,
                        null,
                        null,
                        previous));
        insert(connection, "events", row);
        return sequence;
    }

    private static LogHead.Entry tail(Connection connection, String incidentId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT sequence, hash FROM events WHERE incident_id = ? ORDER BY sequence DESC LIMIT 1")) {
            select.setString(1, incidentId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? new LogHead.Entry(incidentId, rs.getLong(1), rs.getString(2)) : null;
            }
        }
    }

    /** Inserts the columns of {@code row} that the new log's table has. */
    private static void insert(Connection connection, String table, Map<String, Object> row) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getColumns(null, "PUBLIC", table.toUpperCase(), null)) {
            while (rs.next())
                if (row.containsKey(rs.getString("COLUMN_NAME"))) columns.add(rs.getString("COLUMN_NAME"));
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < columns.size(); i++) insert.setObject(i + 1, row.get(columns.get(i)));
            insert.executeUpdate();
        }
    }

    /** An incident whose row was lost, rebuilt from its first event (which repeats the declaration). */
    private Map<String, Object> fromDeclaration(String id, Map<String, Object> anyEvent) {
        Map<String, Object> first = events.values().stream()
                .filter(e -> id.equals(e.get("INCIDENT_ID")))
                .min(Comparator.comparingLong(e -> ((Number) e.get("SEQUENCE")).longValue()))
                .orElse(anyEvent);
        Map<String, Object> row = placeholder(id, ((Number) first.get("TIME_MS")).longValue());
        if (EventKind.INCIDENT_DECLARED.name().equals(first.get("KIND"))) {
            try {
                EventData.Declared declared = (EventData.Declared)
                        EventCodec.read(EventKind.INCIDENT_DECLARED, (String) first.get("PAYLOAD"));
                if (declared.runbook() != null) row.put("RUNBOOK_ID", declared.runbook());
                if (declared.title() != null) row.put("TITLE", declared.title());
                if (declared.mode() != null) row.put("MODE", declared.mode());
                row.put("SEVERITY", declared.severity());
                row.put("COMMANDER", declared.commander());
                if (declared.failureStartedAt() != null)
                    row.put("FAILURE_STARTED_AT", declared.failureStartedAt().toEpochMilli());
            } catch (DateTimeParseException unreadable) {
                // the declaration's payload is not what DR Pilot writes: the placeholder's words stand
            }
        }
        return row;
    }

    /** An incident of which nothing but its id is left (its head file entry), dated when it was salvaged. */
    private static Map<String, Object> placeholder(String id, long declaredAt) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", id);
        row.put("RUNBOOK_ID", "unknown");
        row.put("TITLE", "Salvaged from a damaged log: its declaration was lost");
        row.put("MODE", (id.startsWith("REH-") ? IncidentMode.REHEARSAL : IncidentMode.LIVE).name());
        row.put("DECLARED_AT", declaredAt);
        return row;
    }
}
