package dev.drpilot.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import dev.drpilot.action.aws.AwsClients;
import dev.drpilot.action.aws.AwsSettings;
import dev.drpilot.action.k8s.KubeClients;
import dev.drpilot.action.k8s.KubeSettings;
import dev.drpilot.app.WindowTeamLog;
import dev.drpilot.app.wiring.DrPilotServices;
import dev.drpilot.app.wiring.TeamLogs;
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.runbook.RunbookLoader;
import dev.drpilot.teamlog.PostgresServer;
import dev.drpilot.teamlog.TeamEvent;
import dev.drpilot.teamlog.TeamLogStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a team log (a real PostgreSQL): its header says the team log is up to date, that
 * it is offline with the events waiting while PostgreSQL is stopped, and up to date again once
 * the events that waited have gone to it.
 */
@ExtendWith(ApplicationExtension.class)
class TeamLogWindowTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    /** The outbox tries again after 1 s, 2, 4... while PostgreSQL is away: a minute covers the longest wait here. */
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private MainWindow window;
    private IncidentLogStore log;
    private UiBackend backend;

    @Start
    void start(Stage stage) {
        window = TestWindows.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        POSTGRES.start();
        if (backend != null) backend.close();
        else if (log != null) log.close();
    }

    private static String header(FxRobot robot) {
        return TestWindows.find(robot, "#team-log-status", Label.class).getText();
    }

    private String onlyIncident() {
        return log.incidents().getFirst().id();
    }

    private List<String> teamIds() {
        try (TeamLogStore team = new TeamLogStore(POSTGRES.database())) {
            return team.events(onlyIncident()).stream()
                    .map(TeamEvent::event)
                    .map(IncidentEvent::hash)
                    .toList();
        }
    }

    @Test
    void theHeaderSaysWhetherTheTeamLogHasEveryEventOrHowManyWait(FxRobot robot) throws Exception {
        log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
        var runbooks = new RunbookLoader(ActionCatalog.builtIn())
                .load(List.of(Path.of("runbooks")))
                .runbooks();
        TeamLogs teamLogs = new TeamLogs(Map.of("PGPASSWORD", POSTGRES.password()), dir);
        backend = UiBackends.of(
                runbooks,
                List.of(),
                log,
                DrPilotServices.fromEnvironment()
                        .engine(
                                log,
                                new AwsClients(AwsSettings.of(null, "us-west-2", null)),
                                new KubeClients(new KubeSettings(dir.resolve("no-kubeconfig"), null))),
                dir.resolve("exports"),
                () -> "no AWS in this test",
                run -> List.of(),
                ParameterSuggestions.NONE,
                null,
                new WindowTeamLog(teamLogs.connect(POSTGRES.url() + "?user=" + PostgresServer.USER, log)));
        WaitForAsyncUtils.asyncFx(() -> window.attach(backend)).get();
        Awaitility.await().atMost(CATCH_UP).until(() -> header(robot).equals("team log: up to date"));
        Awaitility.await()
                .until(() -> !TestWindows.find(robot, "#start-rehearsal", Button.class)
                        .isDisabled());

        robot.clickOn("#start-rehearsal");
        robot.clickOn("#scenario-search").write("checklist");
        robot.type(KeyCode.ENTER);
        robot.clickOn("#declare-button");
        Awaitility.await().until(() -> TestWindows.present(robot, "#incident-view"));
        Awaitility.await()
                .atMost(CATCH_UP)
                .until(() -> teamIds().size() == log.events(onlyIncident()).size());
        assertThat(header(robot)).isEqualTo("team log: up to date");
        int sent = teamIds().size();

        POSTGRES.stop();
        WaitForAsyncUtils.waitForFxEvents();
        // a step waits for the team log's lease (docs/team-log.md); notes and decisions do not
        robot.clickOn("#note-text").write("written while the team log is down").type(KeyCode.ENTER);
        robot.clickOn("#note-text").write("the restore goes on").type(KeyCode.ENTER);
        Awaitility.await()
                .until(() -> log.events(onlyIncident()).stream()
                        .anyMatch(e -> e.payload().contains("the restore goes on")));
        int waiting = log.events(onlyIncident()).size() - sent;
        Awaitility.await()
                .atMost(CATCH_UP)
                .until(() -> header(robot).equals("team log offline, " + waiting + " events waiting"));

        POSTGRES.start();
        Awaitility.await().atMost(CATCH_UP).until(() -> header(robot).equals("team log: up to date"));
        assertThat(teamIds())
                .containsExactlyElementsOf(log.events(onlyIncident()).stream()
                        .map(IncidentEvent::hash)
                        .toList());
        assertThat(header(robot)).doesNotContain(POSTGRES.password());
    }
}
