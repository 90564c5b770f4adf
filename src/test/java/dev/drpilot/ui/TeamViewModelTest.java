package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drpilot.action.ActionRegistry;
import dev.drpilot.app.WindowTeamLog;
import dev.drpilot.app.wiring.TeamLogs;
import dev.drpilot.engine.EngineTestActions;
import dev.drpilot.engine.IncidentEngine;
import dev.drpilot.engine.IncidentRun;
import dev.drpilot.engine.TestClock;
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.HashChain;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.incident.IncidentMode;
import dev.drpilot.incident.NewIncident;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import dev.drpilot.teamlog.PostgresServer;
import dev.drpilot.teamlog.Presence;
import dev.drpilot.teamlog.Responder;
import dev.drpilot.teamlog.Responders;
import dev.drpilot.teamlog.Role;
import dev.drpilot.teamlog.TeamLogStore;
import dev.drpilot.teamlog.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident screen's team without a screen, on a real PostgreSQL: the responders with their
 * role, last seen and presence (gone once their heartbeat stops), and the other responders' events
 * between this laptop's own in the log, with their names.
 */
class TeamViewModelTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static final String RUNBOOK = """
            id: check
            title: Check the service together
            architecture: webapp
            kind: readiness
            targets: { rto: none, rpo: none }
            steps:
              - id: look
                title: Look at the dashboard
                phase: immediate
                manual: Open the dashboard.
            """;

    private static final Instant DECLARED = Instant.parse("2026-11-24T03:00:00Z");
    private static final Duration SOON = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(DECLARED);
    private IncidentLogStore log;
    private IncidentRun run;
    private IncidentViewModel incident;
    private WindowTeamLog link;
    private TeamViewModel team;
    private TeamLogStore teamLog;

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
                .loadText(Path.of("check.yaml"), RUNBOOK)
                .runbooks()
                .getFirst();
        run = engine.declare(
                runbook, Map.of(), new NewIncident(runbook.id(), runbook.title(), IncidentMode.LIVE, null, null, null));
        incident = new IncidentViewModel(run, new SameThreadTaskRunner());
        link = new WindowTeamLog(new TeamLogs(Map.of("PGPASSWORD", POSTGRES.password()), dir)
                .connect(POSTGRES.url() + "?user=" + PostgresServer.USER, log));
        teamLog = new TeamLogStore(POSTGRES.database());
    }

    @AfterEach
    void close() {
        if (team != null) team.close();
        teamLog.close();
        link.close();
        run.close();
        log.close();
    }

    @Test
    void theRespondersShowWithTheirRolesAndOthersEventsTakeTheirPlaceInTheLogWithTheirNames() {
        link.follow(run);
        team = new TeamViewModel(link, incident, new SameThreadTaskRunner());
        String id = run.incidentId();
        Responders responders = new Responders(teamLog);
        Writer bob = new Writer("bob", "laptop-b");
        try (Presence present = Presence.join(responders, id, bob, Role.OPERATOR)) {
            responders.join(id, new Writer("carol", "laptop-c"), Role.SCRIBE); // and her laptop goes silent
            clock.advance(Duration.ofMinutes(2));
            incident.note("failing over to us-west-2", false);
            teamLog.append(
                    bob,
                    List.of(HashChain.next(
                            id,
                            1,
                            DECLARED.plus(Duration.ofMinutes(1)),
                            "bob",
                            new EventData.Note("the replica in us-west-2 is ready"),
                            HashChain.GENESIS)));

            await().atMost(SOON).until(() -> incident.logEntries().stream().anyMatch(LogEntry::fromOthers));
            List<String> lines =
                    incident.logEntries().stream().map(LogEntry::line).toList();
            assertThat(lines)
                    .containsSubsequence(
                            "03:01:00  bob: Note: the replica in us-west-2 is ready",
                            "03:02:00  Note: failing over to us-west-2  (alice)")
                    .filteredOn(line -> line.contains("bob:") || line.contains("carol:"))
                    .hasSize(3);
            // joined now, by the real clock: after this incident's own (a rehearsal's clock of 2026-11-24)
            assertThat(lines.getLast()).endsWith("  carol: carol joined as scribe");
            assertThat(lines.get(lines.size() - 2)).endsWith("  bob: bob joined as operator");
            assertThat(incident.events()).noneMatch(e -> e.actor().equals("bob"));
            await().atMost(SOON).until(() -> team.responders().size() == 2);
            assertThat(team.responders().getFirst())
                    .startsWith("bob  operator  last seen ")
                    .endsWith("  present");

            await().atMost(Responder.GONE_AFTER.multipliedBy(3))
                    .until(() -> team.responders().get(1).endsWith("  gone"));
            assertThat(team.responders().get(1)).startsWith("carol  scribe  last seen ");
            assertThat(team.responders().getFirst()).endsWith("  present");
        }
    }
}
