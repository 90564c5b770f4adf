package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.drpilot.app.Main;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.Incident;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.teamlog.Outbox;
import dev.drpilot.teamlog.PostgresServer;
import dev.drpilot.teamlog.Responder;
import dev.drpilot.teamlog.Responders;
import dev.drpilot.teamlog.Role;
import dev.drpilot.teamlog.TeamLogStore;
import dev.drpilot.teamlog.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `drpilot join` in a process of its own, on a real PostgreSQL: it joins an incident another
 * laptop declared, prints that laptop's events with the responder's name as they arrive, leaves on
 * SIGTERM, and never makes a local log for it.
 */
class JoinCommandTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static final Duration SOON = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Process drpilot(Path out, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-Duser.home=" + dir,
                "-Duser.name=bob",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("PGPASSWORD", POSTGRES.password());
        return builder.start();
    }

    private String teamLogUrl() {
        return POSTGRES.url() + "?user=" + PostgresServer.USER;
    }

    private static String read(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void joinsAnIncidentDeclaredElsewhereFollowsItLiveWithNamesAndLeavesOnStop() throws Exception {
        Path bobsLog = dir.resolve("bob").resolve("incidents");
        try (IncidentLogStore alicesLog = IncidentLogStore.open(dir.resolve("alice"), Clock.systemUTC(), "alice");
                TeamLogStore team = new TeamLogStore(POSTGRES.database())) {
            Incident incident = alicesLog.declare(
                    new NewIncident("webapp-region-down", "Region down", IncidentMode.LIVE, "SEV1", "alice", null),
                    Map.of());
            String id = incident.id();
            Outbox alicesOutbox = new Outbox(alicesLog, team, new Writer("alice", "laptop-a"));
            alicesOutbox.push(id);
            Responders responders = new Responders(team);
            responders.join(id, new Writer("alice", "laptop-a"), Role.COMMANDER);

            Path out = dir.resolve("join.txt");
            Process join = drpilot(
                    out, "join", id, "--team-log", teamLogUrl(), "--role", "scribe", "--log", bobsLog.toString());
            await().atMost(SOON).until(() -> read(out).contains("responders: "));
            assertThat(read(out))
                    .contains("joined " + id + " as scribe (bob (")
                    .contains("responders: alice (commander), bob (scribe)");

            alicesLog.append(id, new EventData.Note("failing over to us-west-2"), null);
            alicesOutbox.push(id);
            await().atMost(SOON).until(() -> read(out).contains("alice  Note: failing over to us-west-2"));
            assertThat(responders.of(id))
                    .extracting(Responder::name, Responder::role, Responder::presence)
                    .containsExactly(tuple("alice", Role.COMMANDER, "present"), tuple("bob", Role.SCRIBE, "present"));

            join.destroy();
            assertThat(join.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(read(out)).endsWith("left " + id + System.lineSeparator());
            assertThat(responders.of(id)).extracting(Responder::presence).containsExactly("present", "left");
            assertThat(Files.exists(dir.resolve("bob").resolve("incidents.mv.db")))
                    .as("a local log made for an incident declared elsewhere")
                    .isFalse();
            assertThat(team.verify(id).intact()).isTrue();
            assertThat(read(out)).doesNotContain(POSTGRES.password()).doesNotContain("Exception");
        }
    }

    @Test
    void anIncidentTheTeamLogDoesNotHoldIsSaidInOneSentence() throws Exception {
        Path out = dir.resolve("join.txt");
        Process join = drpilot(
                out,
                "join",
                "INC-20261130-0000-ffff",
                "--team-log",
                teamLogUrl(),
                "--log",
                dir.resolve("bob").resolve("incidents").toString());

        assertThat(join.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(join.exitValue()).isEqualTo(1);
        assertThat(read(out).strip())
                .isEqualTo("The team log at 127.0.0.1:" + POSTGRES.port() + "/postgres holds no incident"
                        + " INC-20261130-0000-ffff: check its id with the laptop that declared it"
                        + " (drpilot incidents there).");
    }
}
