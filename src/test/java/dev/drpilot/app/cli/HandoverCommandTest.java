package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.drpilot.app.Main;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `drpilot handover` in processes of their own, on a real PostgreSQL: alice, the commander (she
 * joined as such on her laptop), hands command to bob, who follows the incident with `drpilot join`
 * and sees it happen; bob's handover before that, and one to somebody not on the incident, are
 * refused in one sentence.
 */
class HandoverCommandTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static final Duration SOON = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private String incidentId;

    private final List<Process> started = new ArrayList<>();

    private record Run(int status, String out) {}

    @BeforeEach
    void anIncidentInTheTeamLog() {
        try (IncidentLogStore declaring = IncidentLogStore.open(dir.resolve("declaring"), Clock.systemUTC(), "alice");
                TeamLogStore team = new TeamLogStore(POSTGRES.database())) {
            incidentId = declaring
                    .declare(
                            new NewIncident(
                                    "webapp-region-down", "Region down", IncidentMode.LIVE, "SEV1", "alice", null),
                            Map.of())
                    .id();
            new Outbox(declaring, team, new Writer("alice", "laptop-declaring")).push(incidentId);
        }
    }

    @AfterEach
    void stopWhatIsLeft() throws Exception {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process drpilot(String user, String name, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-Duser.home=" + dir,
                "-Duser.name=" + user,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile());
        builder.environment().put("PGPASSWORD", POSTGRES.password());
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private String teamLogUrl() {
        return POSTGRES.url() + "?user=" + PostgresServer.USER;
    }

    private String logOf(String user) {
        return dir.resolve(user).resolve("incidents").toString();
    }

    private String out(String name) throws Exception {
        return Files.readString(dir.resolve(name + ".out"), StandardCharsets.UTF_8);
    }

    private Process join(String user, String role) throws Exception {
        Process join = drpilot(
                user, user, "join", incidentId, "--team-log", teamLogUrl(), "--role", role, "--log", logOf(user));
        await().atMost(SOON).until(() -> out(user).contains("responders: "));
        return join;
    }

    private Run handover(String user, String to) throws Exception {
        String name = "handover-" + user + "-" + to;
        Process handover = drpilot(
                user, name, "handover", incidentId, "--to", to, "--team-log", teamLogUrl(), "--log", logOf(user));
        assertThat(handover.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return new Run(handover.exitValue(), out(name));
    }

    private List<Responder> responders() {
        try (TeamLogStore team = new TeamLogStore(POSTGRES.database())) {
            return new Responders(team).of(incidentId);
        }
    }

    @Test
    void theCommanderHandsCommandToAResponderWhoSeesItAsItHappens() throws Exception {
        join("alice", "commander");
        join("bob", "operator");

        Run handover = handover("alice", "bob");

        assertThat(handover.status()).as(handover.out()).isZero();
        assertThat(handover.out())
                .isEqualTo("alice handed command of " + incidentId + " to bob: bob is the incident commander now,"
                        + " alice an operator." + System.lineSeparator());
        assertThat(responders())
                .extracting(Responder::name, Responder::role)
                .containsExactly(tuple("alice", Role.OPERATOR), tuple("bob", Role.COMMANDER));
        await().atMost(SOON).until(() -> out("bob").contains("alice  alice handed command to bob"));
        assertThat(out("bob")).doesNotContain(POSTGRES.password());
    }

    @Test
    void aHandoverByAResponderWhoIsNotTheCommanderIsRefusedInOneSentence() throws Exception {
        join("alice", "commander");
        join("bob", "operator");

        Run handover = handover("bob", "bob");

        assertThat(handover.status()).isEqualTo(1);
        assertThat(handover.out())
                .isEqualTo("bob is not the commander of " + incidentId + ": only the commander hands command over."
                        + System.lineSeparator());
        assertThat(responders())
                .extracting(Responder::name, Responder::role)
                .containsExactly(tuple("alice", Role.COMMANDER), tuple("bob", Role.OPERATOR));
    }

    @Test
    void aHandoverToSomebodyNotOnTheIncidentIsRefusedInOneSentence() throws Exception {
        join("alice", "commander");

        Run handover = handover("alice", "dave");

        assertThat(handover.status()).isEqualTo(1);
        assertThat(handover.out())
                .isEqualTo("dave is not on " + incidentId + ": they join it first (drpilot join " + incidentId + ")."
                        + System.lineSeparator());
        assertThat(responders())
                .extracting(Responder::name, Responder::role)
                .containsExactly(tuple("alice", Role.COMMANDER));
    }
}
