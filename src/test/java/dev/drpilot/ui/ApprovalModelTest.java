package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionRegistry;
import dev.drpilot.app.wiring.TeamLogConnection;
import dev.drpilot.app.wiring.TeamLogs;
import dev.drpilot.engine.EngineTestActions;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.StepState;
import dev.drpilot.engine.TestClock;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approval panel's logic without a screen, on a real engine and H2 log: a step marked `approval: second-person`
 * shows what is to be approved and how long it has waited; with no team log, or one that cannot be reached, the
 * commander goes ahead by override, never without a reason.
 */
class ApprovalModelTest {

    private static final String RUNBOOK = """
            id: fail-over
            title: Fail the API over
            architecture: webapp
            kind: recovery
            targets: { rto: PT30M, rpo: PT5M }
            steps:
              - id: switch
                title: Switch the DNS record
                phase: recovery
                action: process.test.succeed
                with: { name: api.example.com }
                destructive: true
                confirm: api.example.com
                approval: second-person
            """;

    private static final Instant DECLARED = Instant.parse("2026-11-24T03:00:00Z");

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(DECLARED);
    private IncidentLogStore log;
    private IncidentRun run;
    private TeamLogConnection team;

    @BeforeEach
    void declare() throws Exception {
        log = IncidentLogStore.open(dir.resolve("log"), clock, "alice");
        IncidentEngine engine = new IncidentEngine(
                log,
                new ActionRegistry(EngineTestActions.CATALOG, List.of(new EngineTestActions.Succeed())),
                new CallingThreadExecutor(),
                clock,
                clock.sleeper(),
                new Random(7));
        Runbook runbook = new RunbookLoader(EngineTestActions.CATALOG)
                .loadText(Path.of("fail-over.yaml"), RUNBOOK)
                .runbooks()
                .getFirst();
        run = engine.declare(
                runbook, Map.of(), new NewIncident(runbook.id(), runbook.title(), IncidentMode.LIVE, null, null, null));
    }

    @AfterEach
    void close() {
        if (team != null) team.close();
        run.close();
        log.close();
    }

    @Test
    void withoutATeamLogTheCommanderGoesAheadByOverrideWithAReasonOnly() {
        IncidentViewModel incident = new IncidentViewModel(run, new SameThreadTaskRunner());
        ApprovalModel approval = incident.approvals();
        assertThat(approval.step().get()).as("nothing waits yet").isNull();

        incident.start("switch");
        assertThat(approval.step().get().state()).isEqualTo(StepState.AWAITING_APPROVAL);
        assertThat(approval.command().get()).contains("api.example.com");
        assertThat(approval.target().get())
                .isEqualTo(
                        "on api.example.com in account " + "not known yet (no AWS call of this incident has named it)");
        assertThat(approval.status().get()).startsWith("No team log").contains("go ahead by override");
        assertThat(approval.overrideOffered().get()).isTrue();

        clock.advance(Duration.ofSeconds(80));
        approval.tick(clock.instant());
        assertThat(approval.asked().get())
                .isEqualTo("Asked by " + System.getProperty("user.name") + " at 03:00:00 UTC · waiting 1 min 20 s");

        approval.override("   ");
        assertThat(approval.problem().get()).startsWith("Say why you go ahead without a second person");
        assertThat(run.step("switch").state()).isEqualTo(StepState.AWAITING_APPROVAL);

        approval.override("The team log's region is down with the one we fail over from");
        assertThat(approval.step().get()).as("the panel goes").isNull();
        assertThat(run.step("switch").state())
                .as("on to its typed confirmation")
                .isEqualTo(StepState.AWAITING_CONFIRMATION);
        assertThat(log.events(run.incidentId()).stream().map(IncidentEvent::data))
                .anySatisfy(data -> assertThat(data)
                        .isInstanceOfSatisfying(
                                EventData.ApprovalOverridden.class,
                                overridden -> assertThat(overridden.reason())
                                        .isEqualTo("The team log's region is down with the one we fail over from")));
    }

    @Test
    void aTeamLogThatCannotBeReachedLeavesTheOverrideToTheCommander() {
        team = new TeamLogs(Map.of("PGPASSWORD", "not-used"), dir)
                .connect("jdbc:postgresql://127.0.0.1:1/drpilot?user=alice", log);
        IncidentViewModel incident = new IncidentViewModel(run, new SameThreadTaskRunner(), Optional.of(team));
        ApprovalModel approval = incident.approvals();

        incident.start("switch");
        Awaitility.await().until(() -> approval.overrideOffered().get());
        assertThat(approval.status().get())
                .contains("team log")
                .endsWith("As incident commander you may go ahead by override, with a reason the post-mortem flags.")
                .doesNotContain("Exception");

        approval.override("No second responder can reach the team log");
        assertThat(run.step("switch").state()).isEqualTo(StepState.AWAITING_CONFIRMATION);
        incident.close();
    }

    @Test
    void theWaitReadsInMinutesAndSeconds() {
        assertThat(ApprovalModel.waited(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(ApprovalModel.waited(Duration.ofSeconds(80))).isEqualTo("1 min 20 s");
        assertThat(ApprovalModel.waited(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
    }
}
