package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drpilot.app.Main;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.EventKind;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.teamlog.Approval;
import dev.drpilot.teamlog.PostgresServer;
import dev.drpilot.teamlog.TeamLogException;
import dev.drpilot.teamlog.TeamLogStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step marked `approval: second-person`, run by alice from a terminal of her own with the team log on a real
 * PostgreSQL, decided by bob (another OS user) with `drpilot approve` in a process of his own; and without a team log,
 * the commander's override that the post-mortem flags.
 */
class SecondPersonApprovalTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @TempDir
    Path dir;

    private Path runbooks;

    private record Run(int status, String out, String err) {}

    @BeforeEach
    void aRunbookWithAStepThatNeedsASecondPerson() throws Exception {
        runbooks = Files.createDirectories(dir.resolve("runbooks"));
        Files.writeString(runbooks.resolve("fail-over.yaml"), """
                id: fail-over
                title: Fail the API over to the DR region
                architecture: webapp
                kind: readiness
                targets: { rto: none, rpo: none }
                steps:
                  - id: look
                    title: Look at the dashboard
                    phase: immediate
                    manual: Check that the DR region is healthy.
                  - id: switch
                    title: Switch the DNS record to the DR region
                    phase: recovery
                    manual: Change api.example.com to point at the DR load balancer.
                    destructive: true
                    confirm: api.example.com
                    approval: second-person
                """);
    }

    private String teamLogUrl() {
        return POSTGRES.url() + "?user=" + PostgresServer.USER;
    }

    private Path log() {
        return dir.resolve("laptop").resolve("incidents");
    }

    private ProcessBuilder drpilot(String user, String name, String answers, String... args) throws Exception {
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
                .redirectInput(
                        Files.writeString(dir.resolve(name + ".in"), answers).toFile())
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        builder.environment().put("PGPASSWORD", POSTGRES.password());
        return builder;
    }

    private Run ended(Process child, String name) throws Exception {
        assertThat(child.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return new Run(
                child.exitValue(),
                Files.readString(dir.resolve(name + ".out"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve(name + ".err"), StandardCharsets.UTF_8));
    }

    /** alice runs the runbook with the team log, in the background: she ticks the steps off and confirms. */
    private Process aliceRuns() throws Exception {
        return drpilot(
                        "alice",
                        "alice",
                        "\n\n",
                        "run",
                        "fail-over",
                        "--runbooks",
                        runbooks.toString(),
                        "--log",
                        log().toString(),
                        "--team-log",
                        teamLogUrl(),
                        "--yes-to-confirmations")
                .start();
    }

    private Run approve(String user, String incidentId, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("approve", incidentId, "switch", "--team-log", teamLogUrl()));
        args.addAll(List.of(more));
        return ended(
                drpilot(user, "approve-" + user, "", args.toArray(String[]::new))
                        .start(),
                "approve-" + user);
    }

    /** The request alice's run put in the team log, once it has. */
    private Approval requestInTheTeamLog(Process alice) throws Exception {
        try (TeamLogStore store = new TeamLogStore(POSTGRES.database())) {
            while (alice.isAlive()) {
                String incidentId = incidentIn(Files.readString(dir.resolve("alice.out")));
                Optional<Approval> request =
                        incidentId == null ? Optional.empty() : store.newestApproval(incidentId, "switch");
                if (request.isPresent()) return request.get();
                Thread.sleep(100);
            }
        }
        throw new AssertionError("alice's run ended without asking: " + ended(alice, "alice"));
    }

    private static String incidentIn(String out) {
        return out.lines()
                .filter(l -> l.startsWith("Incident "))
                .map(l -> l.split(" ")[1])
                .findFirst()
                .orElse(null);
    }

    private List<IncidentEvent> localEvents(String incidentId) {
        try (IncidentLogStore log = IncidentLogStore.open(log(), Clock.systemUTC(), "test")) {
            return log.events(incidentId);
        }
    }

    private static long startsOf(List<IncidentEvent> events, String stepId) {
        return events.stream()
                .filter(e -> e.kind() == EventKind.STEP_STARTED && stepId.equals(e.stepId()))
                .count();
    }

    @Test
    void aStepWaitsForASecondPersonAndRunsOnceTheyApprove() throws Exception {
        Process alice = aliceRuns();
        Approval request = requestInTheTeamLog(alice);

        assertThat(request.requestedBy()).isEqualTo("alice");
        assertThat(request.command()).isEqualTo("Switch the DNS record to the DR region");
        assertThat(request.target()).isEqualTo("api.example.com");
        assertThat(alice.isAlive()).as("the step waits").isTrue();
        assertThat(startsOf(localEvents(request.incidentId()), "switch")).isZero();

        Run bob = approve("bob", request.incidentId(), "--reason", "the DR region is healthy");

        assertThat(bob.status()).as(bob.out() + bob.err()).isZero();
        assertThat(bob.out())
                .contains("alice (laptop ")
                .contains("command: Switch the DNS record to the DR region")
                .contains("target:  api.example.com")
                .contains("account: not known yet")
                .contains("Approved by bob: alice's DR Pilot runs the step once");
        Run run = ended(alice, "alice");
        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("Approved by bob: the DR region is healthy")
                .contains("All steps done.");
        List<IncidentEvent> events = localEvents(request.incidentId());
        assertThat(events)
                .extracting(IncidentEvent::data)
                .contains(new EventData.ApprovalGiven(request.requestId(), "bob", "the DR region is healthy"));
        assertThat(startsOf(events, "switch")).isEqualTo(1);
        assertThat(approve("carol", request.incidentId(), "--reason", "again").err())
                .contains("Already approved by bob: the DR region is healthy");
    }

    @Test
    void theRequesterCannotApproveTheirOwnStepAndARefusalStopsIt() throws Exception {
        Process alice = aliceRuns();
        Approval request = requestInTheTeamLog(alice);

        Run self = approve("alice", request.incidentId(), "--reason", "I am sure");

        assertThat(self.status()).isEqualTo(1);
        assertThat(self.err())
                .isEqualTo("You (alice) asked for this approval: a second person must decide it, not the responder who"
                        + " runs the step." + System.lineSeparator());
        try (TeamLogStore store = new TeamLogStore(POSTGRES.database())) {
            assertThatThrownBy(() -> store.decideApproval(request.requestId(), "alice", true, "bypassing the command"))
                    .isInstanceOf(TeamLogException.class)
                    .hasMessage("alice asked for this approval and cannot decide it: a second person must.");
            assertThat(store.approval(request.requestId()).orElseThrow().decided())
                    .isFalse();
        }
        assertThat(alice.isAlive()).as("still waiting").isTrue();

        Run bob = approve("bob", request.incidentId(), "--refuse", "--reason", "the primary is coming back");

        assertThat(bob.status()).as(bob.out() + bob.err()).isZero();
        assertThat(bob.out()).contains("Refused: the step does not run");
        Run run = ended(alice, "alice");
        assertThat(run.status()).as("the incident stays open").isEqualTo(3);
        assertThat(run.out()).contains("Refused by bob: the primary is coming back");
        List<IncidentEvent> events = localEvents(request.incidentId());
        assertThat(events)
                .extracting(IncidentEvent::data)
                .contains(new EventData.ApprovalRefused(request.requestId(), "bob", "the primary is coming back"));
        assertThat(startsOf(events, "switch")).isZero();
    }

    @Test
    void withoutATeamLogTheCommandersOverrideIsRecordedAndFlaggedInThePostmortem() throws Exception {
        Run run = ended(
                drpilot(
                                "alice",
                                "alone",
                                "\n\n",
                                "run",
                                "fail-over",
                                "--runbooks",
                                runbooks.toString(),
                                "--log",
                                log().toString(),
                                "--yes-to-confirmations",
                                "--override-approval",
                                "nobody else is awake")
                        .start(),
                "alone");

        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Approved by override, no second person");
        String incidentId = incidentIn(run.out());
        List<IncidentEvent> events = localEvents(incidentId);
        assertThat(events)
                .extracting(IncidentEvent::data)
                .filteredOn(EventData.ApprovalOverridden.class::isInstance)
                .singleElement()
                .satisfies(d -> {
                    EventData.ApprovalOverridden override = (EventData.ApprovalOverridden) d;
                    assertThat(override.commander()).isEqualTo("alice");
                    assertThat(override.reason()).isEqualTo("nobody else is awake");
                });
        assertThat(startsOf(events, "switch")).isEqualTo(1);

        Path postmortem = dir.resolve("postmortem.md");
        Run export = ended(
                drpilot(
                                "alice",
                                "export",
                                "",
                                "export",
                                incidentId,
                                "--runbooks",
                                runbooks.toString(),
                                "--log",
                                log().toString(),
                                "--format",
                                "md",
                                "--out",
                                postmortem.toString())
                        .start(),
                "export");
        assertThat(export.status()).as(export.out() + export.err()).isZero();
        assertThat(Files.readString(postmortem))
                .contains("Approved by override, no second person: alice went ahead alone: nobody else is awake")
                .contains("## Second-person approvals")
                .containsPattern("Switch the DNS record to the DR region: waited .+ for its approver, approved by"
                        + " override, no second person \\(alice\\)");
    }
}
