package dev.drpilot.teamlog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Changes the team log's rows as a database superuser can, despite its append-only trigger: what
 * {@code verify} must find. The server's user of {@link PostgresServer} is its superuser.
 */
public final class TeamLogTampering {

    private TeamLogTampering() {}

    /** Runs {@code sql} (an UPDATE or DELETE of {@code team_events}) with the append-only trigger off, in one transaction. */
    public static void asSuperuser(PostgresServer server, String sql) throws SQLException {
        try (Connection connection = server.database().connect();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("ALTER TABLE team_events DISABLE TRIGGER team_events_append_only");
            statement.execute(sql);
            statement.execute("ALTER TABLE team_events ENABLE TRIGGER team_events_append_only");
            connection.commit();
        }
    }
}
