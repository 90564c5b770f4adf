package dev.drpilot.teamlog;

import dev.drpilot.incident.EventStore;
import dev.drpilot.incident.EventStoreContract;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event store contract on the team log in a real PostgreSQL: each test has a database of its
 * own, as each H2 test has its own file, and its stores are connections writing as one laptop, as a
 * window and a terminal on one log are.
 */
class PostgresEventStoreContractTest extends EventStoreContract {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private final String laptop = "laptop-" + UUID.randomUUID();
    private String url;

    @TempDir
    Path home;

    @BeforeEach
    void createDatabase() throws Exception {
        String name = "contract_" + laptop.substring(7, 15);
        try (Connection connection = POSTGRES.database().connect();
                Statement create = connection.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        }
        url = POSTGRES.url().replaceFirst("/postgres$", "/" + name);
    }

    @Override
    protected EventStore openStore() {
        TeamLogDatabase database = TeamLogDatabase.of(url, PostgresServer.USER, POSTGRES.environment(), home);
        return new TeamLogEventStore(new TeamLogStore(database), new Writer("tester", laptop));
    }

    @Override
    protected ProcessBuilder appendingUntilKilled(String incidentId) {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder child = new ProcessBuilder(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                TeamLogAppendingChild.class.getName(),
                url,
                laptop,
                incidentId);
        child.environment().putAll(POSTGRES.environment());
        return child;
    }
}
