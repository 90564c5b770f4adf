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
import dev.drpilot.incident.EventData;
import dev.drpilot.incident.HashChain;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.runbook.RunbookLoader;
import dev.drpilot.teamlog.PostgresServer;
import dev.drpilot.teamlog.Presence;
import dev.drpilot.teamlog.Responder;
import dev.drpilot.teamlog.Responders;
import dev.drpilot.teamlog.Role;
import dev.drpilot.teamlog.TeamLogStore;
import dev.drpilot.teamlog.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
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
 * The incident screen on a team log (a real PostgreSQL) with three other responders: their names,
 * roles and presence above the log (one gone silent), and their events in the log with their names,
 * set apart from this laptop's own.
 */
@ExtendWith(ApplicationExtension.class)
class TeamRespondersWindowTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static final Duration SOON = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Stage stage;
    private MainWindow window;
    private IncidentLogStore log;
    private UiBackend backend;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindows.open(stage);
    }

    @AfterEach
    void close() {
        if (backend != null) backend.close();
        else if (log != null) log.close();
    }

    /** What the cells of a list show now: the rendered text and style of each. */
    private static List<ListCell<?>> cells(FxRobot robot, String list) {
        List<ListCell<?>> cells = new java.util.ArrayList<>();
        for (ListCell<?> cell : robot.lookup(list + " .list-cell").queryAllAs(ListCell.class)) {
            if (cell.getText() != null) cells.add(cell);
        }
        return cells;
    }

    private static List<String> texts(FxRobot robot, String list) {
        return cells(robot, list).stream().map(ListCell::getText).toList();
    }

    @Test
    void theOtherRespondersAndTheirEventsShowWithTheirNames(FxRobot robot) throws Exception {
        log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
        var runbooks = new RunbookLoader(ActionCatalog.builtIn())
                .load(List.of(Path.of("runbooks")))
                .runbooks();
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
                new WindowTeamLog(new TeamLogs(Map.of("PGPASSWORD", POSTGRES.password()), dir)
                        .connect(POSTGRES.url() + "?user=" + PostgresServer.USER, log)));
        WaitForAsyncUtils.asyncFx(() -> window.attach(backend)).get();
        Awaitility.await()
                .until(() -> !TestWindows.find(robot, "#start-rehearsal", Button.class)
                        .isDisabled());
        robot.clickOn("#start-rehearsal");
        robot.clickOn("#scenario-search").write("checklist");
        robot.type(KeyCode.ENTER);
        robot.clickOn("#declare-button");
        Awaitility.await().until(() -> TestWindows.present(robot, "#incident-view"));
        String id = log.incidents().getFirst().id();

        try (TeamLogStore team = new TeamLogStore(POSTGRES.database())) {
            Responders responders = new Responders(team);
            Writer bob = new Writer("bob", "laptop-b");
            Writer carol = new Writer("carol", "laptop-c");
            try (Presence bobThere = Presence.join(responders, id, bob, Role.COMMANDER);
                    Presence carolThere = Presence.join(responders, id, carol, Role.OPERATOR)) {
                responders.join(id, new Writer("dave", "laptop-d"), Role.OBSERVER); // his laptop then sleeps
                team.append(
                        bob,
                        List.of(HashChain.next(
                                id,
                                1,
                                Instant.now(),
                                "bob",
                                new EventData.Note("paging the database owner"),
                                HashChain.GENESIS)));
                responders.handOver(id, bob, "carol");

                Awaitility.await()
                        .atMost(SOON)
                        .until(() -> texts(robot, "#log-list").stream()
                                .anyMatch(t -> t.endsWith("bob: bob handed command to carol")));
                Awaitility.await()
                        .atMost(Responder.GONE_AFTER.multipliedBy(3))
                        .until(() -> texts(robot, "#responders-list").size() == 3
                                && texts(robot, "#responders-list").get(2).endsWith("  gone"));
                WaitForAsyncUtils.waitForFxEvents();

                List<String> present = texts(robot, "#responders-list");
                assertThat(present.get(0))
                        .startsWith("bob  operator  last seen ")
                        .endsWith("  present");
                assertThat(present.get(1))
                        .startsWith("carol  commander  last seen ")
                        .endsWith("  present");
                assertThat(present.get(2))
                        .startsWith("dave  observer  last seen ")
                        .endsWith("  gone");
                ListCell<?> bobsNote = cells(robot, "#log-list").stream()
                        .filter(cell -> cell.getText().endsWith("bob: Note: paging the database owner"))
                        .findFirst()
                        .orElseThrow();
                assertThat(bobsNote.getStyle()).contains("italic");
                assertThat(cells(robot, "#log-list"))
                        .filteredOn(cell -> cell.getText().contains("Incident declared"))
                        .allMatch(cell -> cell.getStyle().isEmpty());
                WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), "team-responders"))
                        .get();
            }
        }
    }
}
