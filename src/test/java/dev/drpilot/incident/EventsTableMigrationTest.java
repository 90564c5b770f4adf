package dev.drpilot.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log written before the events table lost its foreign key (the schema of migration 4) is opened by this version:
 * every event reads back as it was written, its chain goes on, and the table keeps one index, its primary key.
 */
class EventsTableMigrationTest {

    private static final String INCIDENT = "INC-20261130-0300-0ld1";

    @TempDir
    Path dir;

    @Test
    void aLogOfTheOldSchemaKeepsEveryEventAndItsChainAndAppendsOn() throws SQLException {
        Path log = dir.resolve("log");
        List<IncidentEvent> written = writtenWithTheOldSchema(log);

        try (H2EventStore store = H2EventStore.open(log)) {
            assertThat(store.events(INCIDENT, 0)).isEqualTo(written);
            assertThat(store.tail(INCIDENT))
                    .isEqualTo(new EventStore.Tail(
                            written.getLast().sequence(), written.getLast().hash()));
            List<IncidentEvent> more = ChainedNotes.after(store.tail(INCIDENT), INCIDENT, 250, "after the migration");
            store.append(more);
            List<IncidentEvent> all = new ArrayList<>(written);
            all.addAll(more);
            assertThat(store.events(INCIDENT, 0)).isEqualTo(all);
        }
        assertThat(indexesOfEvents(log)).containsExactly("PRIMARY KEY");
    }

    @Test
    void anIncidentsEventsStillBeginWithItsDeclaration() {
        try (H2EventStore store = H2EventStore.open(dir.resolve("log"))) {
            List<IncidentEvent> withoutDeclaration =
                    List.of(ChainedNotes.note(INCIDENT, 1, EventStore.Tail.NONE.hash(), "a note first"));

            assertThatThrownBy(() -> store.append(withoutDeclaration)).hasMessageContaining("must declare it");
            assertThat(store.events(INCIDENT, 0)).isEmpty();
        }
    }

    /** A declaration and 1,234 notes (a page of 100 rows a statement and a remainder) in a log migrated only to 4. */
    private static List<IncidentEvent> writtenWithTheOldSchema(Path log) throws SQLException {
        String url = "jdbc:h2:file:" + log.toAbsolutePath();
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:dev/drpilot/incident/migration")
                .target("4")
                .load()
                .migrate();
        assertThat(indexesOfEvents(log)).containsExactlyInAnyOrder("PRIMARY KEY", "INDEX");
        List<IncidentEvent> events = ChainedNotes.after(EventStore.Tail.NONE, INCIDENT, 1_235, "before the migration");
        LogThread thread = new LogThread();
        try (H2EventStore store = new H2EventStore(DriverManager.getConnection(url, "sa", ""), thread)) {
            store.append(events);
        } finally {
            thread.shutdown();
        }
        return events;
    }

    private static List<String> indexesOfEvents(Path log) throws SQLException {
        List<String> kinds = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + log.toAbsolutePath(), "sa", "");
                ResultSet rs = connection
                        .createStatement()
                        .executeQuery(
                                "SELECT index_type_name FROM information_schema.indexes WHERE table_name = 'EVENTS'")) {
            while (rs.next()) kinds.add(rs.getString(1));
        }
        return kinds;
    }
}
