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
import dev.drpilot.incident.IncidentEvent;
import dev.drpilot.incident.IncidentLogStore;
import dev.drpilot.runbook.Runbook;
import dev.drpilot.runbook.RunbookLoader;
import dev.drpilot.teamlog.Approval;
import dev.drpilot.teamlog.PostgresServer;
import dev.drpilot.teamlog.TeamLogStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
 * A step marked `approval: second-person` in the window: its panel shows the exact command; with the team log on a
 * real PostgreSQL, bob (another responder) approves it there and the step goes on to its typed confirmation; without a
 * team log, the commander goes ahead by override with a reason, which the log keeps.
 */
@ExtendWith(ApplicationExtension.class)
class ApprovalWindowTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static final String RUNBOOK = """
            id: fail-over
            title: Fail the API over to the DR region
            architecture: webapp
            kind: recovery
            symptoms: [The API's region is down]
            targets: { rto: PT60M, rpo: none }
            steps:
              - id: switch
                title: Switch the DNS record to the DR region
                phase: recovery
                manual: Change api.example.com to point at the DR load balancer.
                destructive: true
                confirm: api.example.com
                approval: second-person
            """;

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
    }

    private void attach(TeamLogLink teamLog) throws Exception {
        log = IncidentLogStore.open(dir.resolve("log"), Clock.systemUTC(), "alice");
        Path folder = Files.createDirectories(dir.resolve("runbooks"));
        Files.writeString(folder.resolve("fail-over.yaml"), RUNBOOK);
        List<Runbook> runbooks =
                new RunbookLoader(ActionCatalog.builtIn()).load(List.of(folder)).runbooks();
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
                teamLog == null ? openTeamLog() : teamLog);
        WaitForAsyncUtils.asyncFx(() -> window.attach(backend)).get();
    }

    private TeamLogLink openTeamLog() {
        return new WindowTeamLog(new TeamLogs(Map.of("PGPASSWORD", POSTGRES.password()), dir)
                .connect(POSTGRES.url() + "?user=" + PostgresServer.USER, log));
    }

    /** Declares the fail-over and runs to its one step, which asks for approval. */
    private void declareAndRunToTheApproval(FxRobot robot) {
        Awaitility.await()
                .until(() -> !TestWindows.find(robot, "#declare-incident", Button.class)
                        .isDisabled());
        robot.clickOn("#declare-incident");
        robot.clickOn("#scenario-search").write("fail-over");
        robot.clickOn("#scenario-next");
        robot.clickOn("#declare-button");
        Awaitility.await().until(() -> TestWindows.present(robot, "#incident-view"));
        robot.clickOn("#run-next");
        Awaitility.await()
                .until(() ->
                        TestWindows.find(robot, "#approval-bar", Node.class).isVisible());
        assertThat(text(robot, "#approval-command"))
                .as("a manual step's command is what it says to do")
                .isEqualTo("Switch the DNS record to the DR region");
        assertThat(text(robot, "#approval-target")).startsWith("on api.example.com in account ");
        Awaitility.await().until(() -> text(robot, "#approval-asked").contains("waiting"));
        assertThat(text(robot, "#approval-asked")).startsWith("Asked by " + System.getProperty("user.name"));
    }

    private static String text(FxRobot robot, String id) {
        return TestWindows.find(robot, id, Label.class).getText();
    }

    private String onlyIncident() {
        return log.incidents().getFirst().id();
    }

    private List<EventData> logged() {
        return log.events(onlyIncident()).stream().map(IncidentEvent::data).toList();
    }

    @Test
    void anotherResponderApprovesInTheTeamLogAndTheStepGoesOnToItsConfirmation(FxRobot robot) throws Exception {
        attach(null);
        declareAndRunToTheApproval(robot);
        Awaitility.await().until(() -> text(robot, "#approval-status").startsWith("In the team log"));
        assertThat(TestWindows.find(robot, "#approval-override", Button.class).isVisible())
                .as("the team log can ask a second person: no override")
                .isFalse();
        WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), "approval"))
                .get();

        try (TeamLogStore team = new TeamLogStore(POSTGRES.database())) {
            Optional<Approval> request = team.newestApproval(onlyIncident(), "switch");
            assertThat(request).isPresent();
            assertThat(request.get().target()).isEqualTo("api.example.com");
            team.decideApproval(request.get().requestId(), "bob", true, "DR region checked healthy");
        }

        Awaitility.await()
                .until(() -> TestWindows.find(robot, "#confirm-bar", Node.class).isVisible());
        assertThat(TestWindows.find(robot, "#approval-bar", Node.class).isVisible())
                .isFalse();
        assertThat(logged())
                .anySatisfy(data -> assertThat(data).isInstanceOfSatisfying(EventData.ApprovalGiven.class, given -> {
                    assertThat(given.approver()).isEqualTo("bob");
                    assertThat(given.reason()).isEqualTo("DR region checked healthy");
                }));
    }

    @Test
    void withoutATeamLogTheCommanderOverridesWithAReasonThatTheLogKeeps(FxRobot robot) throws Exception {
        attach(TeamLogLink.NONE);
        declareAndRunToTheApproval(robot);
        assertThat(text(robot, "#approval-status")).startsWith("No team log");

        robot.clickOn("#approval-override");
        Awaitility.await().until(() -> TestWindows.present(robot, "#override-reason"));
        assertThat(TestWindows.find(robot, "#override-confirm", Button.class).isDisabled())
                .as("no reason, no override")
                .isTrue();
        robot.clickOn("#override-reason").write("   ");
        assertThat(TestWindows.find(robot, "#override-confirm", Button.class).isDisabled())
                .isTrue();
        robot.write("Team log region down with the API");
        robot.clickOn("#override-confirm");

        Awaitility.await()
                .until(() -> TestWindows.find(robot, "#confirm-bar", Node.class).isVisible());
        assertThat(logged())
                .anySatisfy(data -> assertThat(data)
                        .isInstanceOfSatisfying(
                                EventData.ApprovalOverridden.class,
                                overridden -> assertThat(overridden.reason())
                                        .isEqualTo("Team log region down with the API")));
    }
}
