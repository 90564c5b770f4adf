package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.app.Main;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.teamlog.Outbox;
import dev.drpilot.teamlog.PostgresServer;
import dev.drpilot.teamlog.TeamLogStore;
import dev.drpilot.teamlog.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `drpilot team-log check` as a responder runs it, the password in PGPASSWORD, against a real PostgreSQL. */
class TeamLogCheckCommandTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {}

    private Run drpilot(String password, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-Duser.home=" + dir,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("PGPASSWORD", password);
        Process child = builder.start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(
                child.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void itSaysWhatItReachedAndChecksAnIncidentsChains() throws Exception {
        String incidentId;
        try (IncidentLogStore log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
                TeamLogStore team = new TeamLogStore(POSTGRES.database())) {
            Incident incident = log.declare(
                    new NewIncident(
                            "druid-rds-corruption",
                            "RDS metadata corruption",
                            IncidentMode.LIVE,
                            "SEV1",
                            "alice",
                            null),
                    Map.of());
            log.append(incident.id(), new EventData.Note("restore started"), null);
            assertThat(new Outbox(log, team, new Writer("alice", "laptop-a"))
                            .push(incident.id())
                            .online())
                    .isTrue();
            incidentId = incident.id();
        }

        Run run = drpilot(
                POSTGRES.password(),
                "team-log",
                "check",
                "--url",
                POSTGRES.url(),
                "--user",
                PostgresServer.USER,
                "--incident",
                incidentId);

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out())
                .matches("team log at 127\\.0\\.0\\.1:" + POSTGRES.port() + "/postgres as drpilot: reached,"
                        + " PostgreSQL 15\\.\\d+, TLS on, tables up to date\\R" + incidentId
                        + ": 1 writer, 2 events, intact\\R");
    }

    @Test
    void aRefusedLoginIsOneSentenceWithoutThePassword() throws Exception {
        String wrong = "wrong-" + POSTGRES.password();

        Run run = drpilot(wrong, "team-log", "check", "--url", POSTGRES.url(), "--user", PostgresServer.USER);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("The team log at 127.0.0.1:" + POSTGRES.port() + "/postgres refused the login of drpilot:"
                        + " check the password in PGPASSWORD or the pgpass file." + System.lineSeparator());
        assertThat(run.out() + run.err()).doesNotContain(wrong);
    }
}
