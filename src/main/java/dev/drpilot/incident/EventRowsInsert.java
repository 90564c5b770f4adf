package dev.drpilot.incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Inserts events into the {@code events} table, {@value #ROWS_A_STATEMENT} rows a statement ({@code INSERT ... VALUES
 * (..), (..)}) and the rest one row a statement: H2 parses and runs each statement once for all its rows, where a JDBC
 * batch runs one insert per row. Both statements are prepared once per connection and kept; used on the log's thread
 * only.
 */
final class EventRowsInsert implements AutoCloseable {

    private static final int ROWS_A_STATEMENT = 100;
    private static final String COLUMNS = "INSERT INTO events (incident_id, sequence, time_ms, kind, actor, step_id,"
            + " payload, corrects, occurred_at, previous_hash, hash) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int COLUMN_COUNT = 11;

    private final Connection connection;
    private PreparedStatement oneRow;
    private PreparedStatement manyRows;

    EventRowsInsert(Connection connection) {
        this.connection = connection;
    }

    void insert(List<IncidentEvent> events) throws SQLException {
        int whole = events.size() - events.size() % ROWS_A_STATEMENT;
        if (whole > 0 && manyRows == null)
            manyRows = connection.prepareStatement(
                    COLUMNS + String.join(", ", Collections.nCopies(ROWS_A_STATEMENT, ROW)));
        for (int start = 0; start < whole; start += ROWS_A_STATEMENT) {
            for (int row = 0; row < ROWS_A_STATEMENT; row++) set(manyRows, row * COLUMN_COUNT, events.get(start + row));
            manyRows.executeUpdate();
        }
        if (whole < events.size() && oneRow == null) oneRow = connection.prepareStatement(COLUMNS + ROW);
        for (IncidentEvent event : events.subList(whole, events.size())) {
            set(oneRow, 0, event);
            oneRow.executeUpdate();
        }
    }

    private static void set(PreparedStatement insert, int offset, IncidentEvent event) throws SQLException {
        insert.setString(offset + 1, event.incidentId());
        insert.setLong(offset + 2, event.sequence());
        insert.setLong(offset + 3, event.time().toEpochMilli());
        insert.setString(offset + 4, event.kind().name());
        insert.setString(offset + 5, event.actor());
        insert.setString(offset + 6, event.stepId());
        insert.setString(offset + 7, event.payload());
        SqlValues.setLong(insert, offset + 8, event.corrects());
        SqlValues.setInstant(insert, offset + 9, event.occurredAt());
        insert.setString(offset + 10, event.previousHash());
        insert.setString(offset + 11, event.hash());
    }

    /** Closes the kept statements, before their connection closes. */
    @Override
    public void close() throws SQLException {
        if (oneRow != null) oneRow.close();
        if (manyRows != null) manyRows.close();
        oneRow = null;
        manyRows = null;
    }
}
