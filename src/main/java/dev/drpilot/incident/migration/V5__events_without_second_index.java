package dev.drpilot.incident.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign key from {@code events} to {@code incidents}, and with it the second index H2 made for it on
 * {@code incident_id} (it does not use the primary key's for it): every row appended wrote to both, and the index
 * was a third of what H2 spent on a page of events. The store keeps the rule the key kept: an incident's events
 * begin with its declaration, which makes its row in the same transaction ({@code H2EventStore}). No row changes, so
 * a log migrated keeps every event and hash as it was. In Java because H2 named the key itself ({@code
 * CONSTRAINT_...}), differently in each log.
 */
public final class V5__events_without_second_index extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        for (String key : foreignKeysOfEvents(connection)) {
            try (Statement drop = connection.createStatement()) {
                drop.execute("ALTER TABLE events DROP CONSTRAINT \"" + key.replace("\"", "\"\"") + "\"");
            }
        }
    }

    private static List<String> foreignKeysOfEvents(Connection connection) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                        "SELECT constraint_name FROM information_schema.table_constraints"
                                + " WHERE table_schema = SCHEMA() AND table_name = 'EVENTS' AND constraint_type = 'FOREIGN KEY'");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) keys.add(rs.getString(1));
        }
        return keys;
    }
}
