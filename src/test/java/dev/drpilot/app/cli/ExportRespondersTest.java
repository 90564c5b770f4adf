package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.app.Main;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.teamlog.Outbox;
import dev.drpilot.teamlog.PostgresServer;
import dev.drpilot.teamlog.Responders;
import dev.drpilot.teamlog.Role;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `drpilot export INC --format md --team-log URL` in a process of its own, on a real PostgreSQL: the
 * post-mortem of alice's laptop gets a "Responders" section read from the team log (who, the role at
 * the end, joined and left, the handovers of command); without --team-log it has none.
 */
class ExportRespondersTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @TempDir
    Path dir;

    private String incidentId;

    private record Run(int status, String out) {}

    private Path alicesLog() {
        return dir.resolve("alice").resolve("incidents");
    }

    @BeforeEach
    void aliceHandsCommandToBobAndCarolLeaves() {
        try (IncidentLogStore log = IncidentLogStore.open(alicesLog(), Clock.systemUTC(), "alice");
                TeamLogStore team = new TeamLogStore(POSTGRES.database())) {
            incidentId = log.declare(
                            new NewIncident(
                                    "webapp-region-down", "Region down", IncidentMode.LIVE, "SEV1", "alice", null),
                            Map.of())
                    .id();
            Writer alice = new Writer("alice", "laptop-alice");
            Writer bob = new Writer("bob", "laptop-bob");
            Writer carol = new Writer("carol", "laptop-carol");
            new Outbox(log, team, alice).push(incidentId);
            Responders responders = new Responders(team);
            responders.join(incidentId, alice, Role.COMMANDER);
            responders.join(incidentId, bob, Role.OPERATOR);
            responders.join(incidentId, carol, Role.SCRIBE);
            responders.handOver(incidentId, alice, "bob");
            responders.leave(incidentId, carol);
        }
    }

    private Run export(String name, String... more) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-Duser.home=" + dir,
                "-Duser.name=alice",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "export",
                incidentId,
                "--format",
                "md",
                "--log",
                alicesLog().toString(),
                "--out",
                dir.resolve(name + ".md").toString()));
        command.addAll(List.of(more));
        Path out = dir.resolve(name + ".out");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("PGPASSWORD", POSTGRES.password());
        Process process = builder.start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    private String postmortem(String name) throws Exception {
        return Files.readString(dir.resolve(name + ".md"), StandardCharsets.UTF_8);
    }

    @Test
    void thePostmortemSaysWhoWasOnTheIncidentTheirRolesAndTheHandovers() throws Exception {
        Run run = export("team", "--team-log", POSTGRES.url() + "?user=" + PostgresServer.USER);

        assertThat(run.status()).as(run.out()).isZero();
        String postmortem = postmortem("team");
        assertThat(postmortem)
                .contains("## Responders")
                .containsPattern(
                        "\\| alice \\| laptop-a \\| operator \\| \\d{4}-\\d\\d-\\d\\d [\\d:]+ UTC \\| still on it when exported \\|")
                .containsPattern("\\| bob \\| laptop-b \\| commander \\| [^|]+ UTC \\| still on it when exported \\|")
                .containsPattern("\\| carol \\| laptop-c \\| scribe \\| [^|]+ UTC \\| [^|]+ UTC \\|")
                .containsPattern("Handovers of command:\\s+- [^\\n]+ UTC - alice handed command to bob\\n");
        assertThat(postmortem.indexOf("| alice |"))
                .isLessThan(postmortem.indexOf("| bob |"))
                .isLessThan(postmortem.indexOf("| carol |"));
        assertThat(run.out()).doesNotContain(POSTGRES.password());
    }

    @Test
    void withoutTheTeamLogThePostmortemHasNoRespondersSection() throws Exception {
        Run run = export("alone");

        assertThat(run.status()).as(run.out()).isZero();
        assertThat(postmortem("alone")).doesNotContain("## Responders");
    }

    @Test
    void anUnreachableTeamLogIsSaidInOneSentenceAndNothingIsWritten() throws Exception {
        POSTGRES.stop();
        try {
            Run run = export("offline", "--team-log", POSTGRES.url() + "?user=" + PostgresServer.USER);

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.out().strip())
                    .startsWith("The team log at 127.0.0.1:" + POSTGRES.port() + "/postgres")
                    .endsWith("; the post-mortem is not written: export it without --team-log, or again once the"
                            + " team log answers.")
                    .doesNotContain("Exception")
                    .doesNotContain("\n");
            assertThat(dir.resolve("offline.md")).doesNotExist();
        } finally {
            POSTGRES.start();
        }
    }
}
