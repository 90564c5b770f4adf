package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drpilot.app.Main;
import dev.drpilot.teamlog.PostgresServer;
import dev.drpilot.teamlog.TeamLogStore;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's "done when": three app processes on one incident, each its own laptop (its own local
 * log and OS user), on a real PostgreSQL. alice runs a runbook at her terminal, bob and carol follow
 * it with `drpilot join`: both see alice's steps and notes as they happen and each other's joining,
 * each with the responder's name.
 */
class ThreeLaptopsTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static final Duration SOON = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Path runbooks;

    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void twoManualSteps() throws Exception {
        runbooks = Files.createDirectories(dir.resolve("runbooks"));
        Files.writeString(runbooks.resolve("shared-check.yaml"), """
                id: shared-check
                title: Check the restored service together
                architecture: webapp
                kind: readiness
                targets: { rto: none, rpo: none }
                steps:
                  - id: look
                    title: Look at the dashboard
                    phase: immediate
                    manual: Open the dashboard and check the error rate.
                  - id: confirm
                    title: Confirm with the service owner
                    phase: validation
                    manual: Ask the service owner whether the service is back.
                """);
    }

    @AfterEach
    void stopWhatIsLeft() throws Exception {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private String teamLogUrl() {
        return POSTGRES.url() + "?user=" + PostgresServer.USER;
    }

    private Path logOf(String user) {
        return dir.resolve(user).resolve("incidents");
    }

    /** DR Pilot as {@code user} on their own laptop; what it prints goes to {@code name}.out, its input comes from the test. */
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

    private Process join(String user, String role) throws Exception {
        return drpilot(
                user,
                user,
                "join",
                incidentId(),
                "--team-log",
                teamLogUrl(),
                "--role",
                role,
                "--log",
                logOf(user).toString());
    }

    private String out(String name) throws Exception {
        return Files.readString(dir.resolve(name + ".out"), StandardCharsets.UTF_8);
    }

    private String incidentId() throws Exception {
        return out("alice")
                .lines()
                .filter(l -> l.startsWith("Incident "))
                .map(l -> l.split(" ")[1])
                .findFirst()
                .orElse(null);
    }

    private boolean theTeamLogHoldsAlicesIncident() throws Exception {
        String id = incidentId();
        if (id == null) return false;
        try (TeamLogStore team = new TeamLogStore(POSTGRES.database())) {
            return !team.events(id).isEmpty();
        }
    }

    private static void press(Process terminal, String line) throws Exception {
        OutputStream in = terminal.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    @Test
    void threeLaptopsOnOneIncidentSeeEachOthersEventsLiveWithTheirNames() throws Exception {
        Process alice = drpilot(
                "alice",
                "alice",
                "run",
                "shared-check",
                "--runbooks",
                runbooks.toString(),
                "--log",
                logOf("alice").toString(),
                "--team-log",
                teamLogUrl(),
                "--team-log-wait",
                "60");
        await().atMost(SOON).until(this::theTeamLogHoldsAlicesIncident);
        await().atMost(SOON).until(() -> out("alice").contains("Press Enter when done"));
        String id = incidentId();

        Process bob = join("bob", "operator");
        await().atMost(SOON).until(() -> out("bob").contains("responders: "));
        Process carol = join("carol", "scribe");
        await().atMost(SOON).until(() -> out("carol").contains("responders: "));

        await().atMost(SOON).until(() -> out("bob").contains("carol  carol joined as scribe"));
        assertThat(out("carol"))
                .as("carol, who joined later, sees bob's joining")
                .contains("bob  bob joined as operator")
                .contains("responders: bob (operator), carol (scribe)");

        press(alice, "");
        await().atMost(SOON)
                .until(() -> out("bob").contains("alice  [look] Succeeded")
                        && out("carol").contains("alice  [look] Succeeded"));

        Process note = drpilot(
                "alice",
                "note",
                "note",
                id,
                "the error rate is back to normal",
                "--log",
                logOf("alice").toString(),
                "--team-log",
                teamLogUrl());
        assertThat(note.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(note.exitValue()).as(out("note")).isZero();
        await().atMost(SOON)
                .until(() -> out("bob").contains("alice  Note: the error rate is back to normal")
                        && out("carol").contains("alice  Note: the error rate is back to normal"));

        press(alice, "");
        alice.getOutputStream().close();
        assertThat(alice.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(out("alice")).contains("All steps done.");
        await().atMost(SOON)
                .until(() -> out("bob").contains("alice  [confirm] Succeeded")
                        && out("carol").contains("alice  [confirm] Succeeded"));

        carol.destroy();
        assertThat(carol.waitFor(30, TimeUnit.SECONDS)).isTrue();
        await().atMost(SOON).until(() -> out("bob").contains("carol  carol left the incident"));
        bob.destroy();
        assertThat(bob.waitFor(30, TimeUnit.SECONDS)).isTrue();

        for (String laptop : List.of("alice", "bob", "carol", "note")) {
            assertThat(out(laptop))
                    .as(laptop)
                    .doesNotContain(POSTGRES.password())
                    .doesNotContain("Exception");
        }
        try (TeamLogStore team = new TeamLogStore(POSTGRES.database())) {
            assertThat(team.verify(id).intact()).isTrue();
        }
    }
}
