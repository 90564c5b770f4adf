package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.app.Main;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.teamlog.LaptopId;
import dev.drpilot.teamlog.PostgresServer;
import dev.drpilot.teamlog.TeamEvent;
import dev.drpilot.teamlog.TeamLogStore;
import dev.drpilot.teamlog.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `drpilot run`, `note` and `resume` with --team-log, each in a process of its own as a responder
 * runs them (the password in PGPASSWORD), against a real PostgreSQL that is stopped and started again.
 */
class TeamLogCommandsTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @TempDir
    Path dir;

    private Path runbooks;

    private record Run(int status, String out, String err) {}

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
    void serverUpAgain() throws Exception {
        POSTGRES.start();
    }

    private String teamLogUrl() {
        return POSTGRES.url() + "?user=" + PostgresServer.USER;
    }

    private Path log() {
        return dir.resolve("laptop").resolve("incidents");
    }

    private Run drpilot(String answers, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-Duser.home=" + dir,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Path in = Files.writeString(dir.resolve("in.txt"), answers);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(in.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("PGPASSWORD", POSTGRES.password());
        Process child = builder.start();
        assertThat(child.waitFor(90, TimeUnit.SECONDS)).isTrue();
        Run run = new Run(
                child.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        assertThat(run.out() + run.err()).as("what the terminal shows").doesNotContain(POSTGRES.password());
        return run;
    }

    private Run run(int waitSeconds) throws Exception {
        return run("\n\n", waitSeconds);
    }

    /**
     * {@code drpilot run} of the two manual steps, with {@code input} on its standard input, waiting at most {@code
     * waitSeconds} as it ends for the team log (longer when it is up: a loaded machine is slow to connect).
     */
    private Run run(String input, int waitSeconds) throws Exception {
        return drpilot(
                input,
                "run",
                "shared-check",
                "--runbooks",
                runbooks.toString(),
                "--log",
                log().toString(),
                "--team-log",
                teamLogUrl(),
                "--team-log-wait",
                String.valueOf(waitSeconds));
    }

    private static String incidentIn(Run run) {
        return run.out()
                .lines()
                .filter(l -> l.startsWith("Incident "))
                .findFirst()
                .orElseThrow()
                .split(" ")[1];
    }

    private List<IncidentEvent> localEvents(String incidentId) {
        try (IncidentLogStore log = IncidentLogStore.open(log(), Clock.systemUTC(), "test")) {
            return log.events(incidentId);
        }
    }

    private List<TeamEvent> teamEvents(String incidentId) {
        try (TeamLogStore team = new TeamLogStore(POSTGRES.database())) {
            return team.events(incidentId);
        }
    }

    /** The team log holds the local log's events, each once, under this laptop's id, with their ids (hashes) and in its order. */
    private void assertTheTeamLogHoldsTheLocalLog(String incidentId) throws Exception {
        List<IncidentEvent> local = localEvents(incidentId);
        List<TeamEvent> team = teamEvents(incidentId);
        assertThat(team)
                .extracting(e -> e.event().hash())
                .containsExactlyElementsOf(
                        local.stream().map(IncidentEvent::hash).toList());
        assertThat(team)
                .extracting(e -> e.event().sequence())
                .containsExactlyElementsOf(
                        local.stream().map(IncidentEvent::sequence).toList());
        String laptop = Files.readString(LaptopId.file(log())).strip();
        assertThat(team)
                .extracting(TeamEvent::writer)
                .containsOnly(new Writer(System.getProperty("user.name"), laptop));
        try (TeamLogStore store = new TeamLogStore(POSTGRES.database())) {
            assertThat(store.verify(incidentId).intact()).isTrue();
        }
    }

    private void assertThePasswordIsNotInTheLocalLog() throws Exception {
        byte[] password = POSTGRES.password().getBytes(StandardCharsets.UTF_8);
        try (var files = Files.list(log().getParent())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(file.toString()).doesNotContain(new String(password, StandardCharsets.ISO_8859_1));
            }
        }
    }

    @Test
    void aRunSendsEveryEventOfItsIncidentToTheTeamLog() throws Exception {
        Run run = run(90);

        assertThat(run.status()).as(run.out() + run.err()).isZero();
        String incidentId = incidentIn(run);
        assertThat(run.out()).contains("team log: up to date, it holds every event of " + incidentId);
        assertThat(localEvents(incidentId)).hasSizeGreaterThanOrEqualTo(5);
        assertTheTeamLogHoldsTheLocalLog(incidentId);
        assertThePasswordIsNotInTheLocalLog();
    }

    @Test
    void aRunWhileTheTeamLogIsDownCompletesAndALaterNoteAndResumeSendWhatWaited() throws Exception {
        POSTGRES.stop();

        // the team log cannot say whether another laptop runs a step: the operator runs each anyway, saying who agreed
        String anyway = "a\nthe only responder tonight\n\n";
        Run offline = run(anyway + anyway, 10);

        assertThat(offline.status()).as(offline.out() + offline.err()).isZero();
        String incidentId = incidentIn(offline);
        int written = localEvents(incidentId).size();
        assertThat(offline.out())
                .contains("All steps done.")
                .contains("Not run, since the team log could not say whether another laptop runs this step")
                .contains("[r]etry, run it [a]nyway, [s]kip with a reason, or [q]uit?")
                .containsPattern("(?m)^team log offline, up to \\d+ events? waiting: The team log at 127\\.0\\.0\\.1:"
                        + POSTGRES.port() + "/postgres cannot be reached")
                .contains("team log offline, up to " + written
                        + " events waiting: this laptop's log keeps them, and they go to the"
                        + " team log with the next `drpilot resume " + incidentId + " --team-log URL`");

        POSTGRES.start();
        assertThat(teamEvents(incidentId)).isEmpty();
        Run note = drpilot(
                "",
                "note",
                incidentId,
                "the",
                "team",
                "log",
                "is",
                "back",
                "--log",
                log().toString(),
                "--team-log",
                teamLogUrl(),
                "--team-log-wait",
                "90");

        assertThat(note.status()).as(note.out() + note.err()).isZero();
        assertThat(note.out()).contains("team log: up to date, it holds every event of " + incidentId);
        assertThat(localEvents(incidentId)).hasSize(written + 1);
        assertTheTeamLogHoldsTheLocalLog(incidentId);

        Run resume = drpilot(
                "",
                "resume",
                incidentId,
                "--runbooks",
                runbooks.toString(),
                "--log",
                log().toString(),
                "--team-log",
                teamLogUrl(),
                "--team-log-wait",
                "90");

        assertThat(resume.status()).as(resume.out() + resume.err()).isZero();
        assertThat(resume.out()).contains("team log: up to date, it holds every event of " + incidentId);
        assertThat(localEvents(incidentId)).hasSizeGreaterThan(written + 1);
        assertTheTeamLogHoldsTheLocalLog(incidentId);
        assertThePasswordIsNotInTheLocalLog();
    }

    @Test
    void aUrlWithAPasswordIsRefusedBeforeAnythingIsDeclared() throws Exception {
        Run run = drpilot(
                "\n\n",
                "run",
                "shared-check",
                "--runbooks",
                runbooks.toString(),
                "--log",
                log().toString(),
                "--team-log",
                teamLogUrl() + "&password=" + POSTGRES.password());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("The team log's URL for 127.0.0.1:" + POSTGRES.port()
                        + "/postgres holds a password: take it out,"
                        + " and give it in PGPASSWORD or a pgpass file instead." + System.lineSeparator()
                        + "nothing was run" + System.lineSeparator());
    }
}
