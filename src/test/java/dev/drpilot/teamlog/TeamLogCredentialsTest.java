package dev.drpilot.teamlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** How the team log finds its password and asks for TLS, against a real PostgreSQL that checks both. */
class TeamLogCredentialsTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @TempDir
    Path home;

    private static boolean usesTls(TeamLogDatabase database) throws SQLException {
        try (Connection connection = database.connect();
                Statement query = connection.createStatement();
                ResultSet rs = query.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private Path pgpass(String text, String permissions) throws Exception {
        Path file = Files.writeString(home.resolve("passwords"), text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void connectionsUseTlsUnlessTheUrlSaysOtherwise() throws Exception {
        assertThat(POSTGRES.database().requiresTls()).isTrue();
        assertThat(usesTls(POSTGRES.database())).isTrue();

        TeamLogDatabase plain = TeamLogDatabase.of(
                POSTGRES.url() + "?sslmode=disable", PostgresServer.USER, POSTGRES.environment(), home);
        assertThat(plain.requiresTls()).isFalse();
        assertThat(usesTls(plain)).isFalse();
    }

    @Test
    void thePasswordComesFromAPgpassFileWhenTheEnvironmentHasNone() throws Exception {
        Path file = pgpass(
                "# team log\nother-host:*:*:*:wrong\n127.0.0.1:" + POSTGRES.port() + ":*:" + PostgresServer.USER + ":"
                        + POSTGRES.password() + "\n",
                "rw-------");

        TeamLogDatabase database = TeamLogDatabase.of(
                POSTGRES.url(), null, Map.of("PGPASSFILE", file.toString(), "PGUSER", PostgresServer.USER), home);

        assertThat(usesTls(database)).isTrue();
    }

    @Test
    void aPgpassFileOthersMayReadIsIgnored() throws Exception {
        Path file = pgpass("*:*:*:*:" + POSTGRES.password() + "\n", "rw-r--r--");
        TeamLogDatabase database =
                TeamLogDatabase.of(POSTGRES.url(), PostgresServer.USER, Map.of("PGPASSFILE", file.toString()), home);

        try (TeamLogStore store = new TeamLogStore(database)) {
            assertThatThrownBy(() -> store.acknowledged("INC-1", "laptop-a"))
                    .isInstanceOf(TeamLogException.class)
                    .hasMessage("The team log at " + database.where() + " asks for the password of drpilot:"
                            + " set PGPASSWORD, or add a line for it to the pgpass file.");
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithoutShowingIt() {
        String wrong = "not-" + POSTGRES.password();
        TeamLogDatabase database =
                TeamLogDatabase.of(POSTGRES.url(), PostgresServer.USER, Map.of("PGPASSWORD", wrong), home);

        try (TeamLogStore store = new TeamLogStore(database)) {
            assertThatThrownBy(() -> store.acknowledged("INC-1", "laptop-a"))
                    .isInstanceOf(TeamLogException.class)
                    .hasMessage("The team log at " + database.where() + " refused the login of drpilot:"
                            + " check the password in PGPASSWORD or the pgpass file.");
        }
        assertThat(database.toString())
                .isEqualTo("team log at " + database.where() + " as drpilot")
                .doesNotContain(wrong);
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> TeamLogDatabase.of(
                        POSTGRES.url() + "?user=drpilot&password=" + POSTGRES.password(), null, Map.of(), home))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The team log's URL for 127.0.0.1:" + POSTGRES.port()
                        + "/postgres holds a password: take it out,"
                        + " and give it in PGPASSWORD or a pgpass file instead.");
    }

    @Test
    void aPgpassLineMayEscapeItsColonsAndBackslashes() throws Exception {
        Path file = pgpass("db\\:host:5432:team:alice:pa\\:ss\\\\word\n", "rw-------");

        assertThat(PgPass.lookUp(file, "db:host", 5432, "team", "alice")).contains("pa:ss\\word");
        assertThat(PgPass.lookUp(file, "db:host", 5433, "team", "alice")).isEmpty();
    }
}
